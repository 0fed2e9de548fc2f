package dev.sluice.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.http.HttpException;
import dev.sluice.http.LlmFormat;
import dev.sluice.http.ServerSentEvent;

/**
 * Turns one upstream event of an LLM chat stream into what the relay sends on: a token, the finish
 * reason, the end, an error, or nothing. Not thread-safe (one per stream).
 */
public abstract sealed class TokenDecoder {
  /** What an upstream event means. */
  public sealed interface Step {}

  /** A token of text. */
  public record Token(String text) implements Step {}

  /** The stream ended; {@code finishReason} may be null. */
  public record Done(String finishReason) implements Step {}

  /** The upstream reported an error. */
  public record Failed(String message) implements Step {}

  /** Nothing to relay. */
  public record Skip() implements Step {}

  static final Skip SKIP = new Skip();
  static final ObjectMapper JSON = new ObjectMapper();

  String finishReason;

  /** A decoder of {@code format}. */
  public static TokenDecoder of(LlmFormat format) {
    return format == LlmFormat.OPENAI ? new OpenAi() : new Anthropic();
  }

  /** What {@code event} means. */
  public abstract Step decode(ServerSentEvent event);

  /** The finish reason seen so far, or null. */
  public String finishReason() {
    return finishReason;
  }

  static JsonNode json(ServerSentEvent event) {
    try {
      return JSON.readTree(event.data());
    } catch (Exception e) {
      throw new HttpException(
          "upstream sent an event that is not JSON: " + abbreviate(event.data()), -1, null);
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }

  static final class OpenAi extends TokenDecoder {
    @Override
    public Step decode(ServerSentEvent event) {
      if (event.data().equals("[DONE]")) {
        return new Done(finishReason);
      }
      JsonNode chunk = json(event);
      JsonNode error = chunk.path("error");
      if (!error.isMissingNode() && !error.isNull()) {
        return new Failed(error.path("message").asText(error.toString()));
      }
      JsonNode choice = chunk.path("choices").path(0);
      JsonNode finish = choice.path("finish_reason");
      if (finish.isTextual()) {
        finishReason = finish.asText();
      }
      JsonNode content = choice.path("delta").path("content");
      return content.isTextual() && !content.asText().isEmpty()
          ? new Token(content.asText())
          : SKIP;
    }
  }

  static final class Anthropic extends TokenDecoder {
    @Override
    public Step decode(ServerSentEvent event) {
      return switch (event.event()) {
        case "content_block_delta" -> {
          JsonNode delta = json(event).path("delta");
          yield delta.path("type").asText().equals("text_delta")
              ? new Token(delta.path("text").asText())
              : SKIP;
        }
        case "message_delta" -> {
          JsonNode stop = json(event).path("delta").path("stop_reason");
          if (stop.isTextual()) {
            finishReason = stop.asText();
          }
          yield SKIP;
        }
        case "message_stop" -> new Done(finishReason);
        case "error" -> {
          JsonNode error = json(event).path("error");
          yield new Failed(error.path("message").asText(error.toString()));
        }
        default -> SKIP;
      };
    }
  }
}
