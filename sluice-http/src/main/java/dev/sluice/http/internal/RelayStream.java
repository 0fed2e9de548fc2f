package dev.sluice.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Emitter;
import dev.sluice.Generator;
import dev.sluice.PipeCancelledException;
import dev.sluice.http.HttpException;
import dev.sluice.http.LlmFormat;
import dev.sluice.http.RelaySettings;
import dev.sluice.http.ServerSentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * One relayed chat: POSTs the messages upstream with {@code "stream": true}, decodes the upstream
 * events and emits {@code token} events ({@code {"text":...}}), then one {@code done} ({@code
 * {"finish_reason":...,"tokens":N}}), or an {@code error} ({@code {"message":...}}) that ends the
 * stream. The API key is sent only in its header and is cut out of every error message. The
 * upstream response closes on every way out.
 */
public final class RelayStream implements Generator<ServerSentEvent> {
  private final HttpClient client;
  private final RelaySettings settings;
  private final JsonNode messages;

  /** A relay of {@code messages} (a JSON array) by {@code settings}. */
  public RelayStream(HttpClient client, RelaySettings settings, JsonNode messages) {
    this.client = client;
    this.settings = settings;
    this.messages = messages;
  }

  @Override
  public void generate(Emitter<ServerSentEvent> out) throws Exception {
    int[] tokens = {0};
    try {
      relay(out, tokens);
    } catch (InterruptedException | PipeCancelledException e) {
      throw e;
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("relay interrupted");
      }
      out.emit(error(scrub(e instanceof HttpException ? e.getMessage() : "upstream failed: " + e)));
    }
  }

  private void relay(Emitter<ServerSentEvent> out, int[] tokens) throws Exception {
    HttpResponse<InputStream> response = Exchanges.send(client, request());
    try (InputStream in = response.body()) {
      int status = response.statusCode();
      if (status != 200) {
        String body = new String(in.readNBytes(500), StandardCharsets.UTF_8);
        throw new HttpException(
            "upstream " + settings.upstream() + " answered status " + status + ": " + body,
            status,
            null);
      }
      TokenDecoder decoder = TokenDecoder.of(settings.format());
      SseParser parser =
          new SseParser(
              settings.upstreamLimits().maxLineLength(),
              settings.upstreamLimits().maxEventSize(),
              settings.upstream().toString());
      TokenDecoder.Step[] last = {null};
      byte[] buffer = new byte[8192];
      for (int n; last[0] == null && (n = in.read(buffer)) >= 0; ) {
        parser.feed(
            buffer,
            0,
            n,
            event -> {
              if (last[0] != null) {
                return;
              }
              switch (decoder.decode(event)) {
                case TokenDecoder.Token t -> {
                  tokens[0]++;
                  out.emit(token(t.text()));
                }
                case TokenDecoder.Done d -> last[0] = d;
                case TokenDecoder.Failed f -> last[0] = f;
                case TokenDecoder.Skip s -> {}
              }
            });
      }
      switch (last[0]) {
        case TokenDecoder.Done d -> out.emit(done(d.finishReason(), tokens[0]));
        case TokenDecoder.Failed f -> out.emit(error(scrub("upstream error: " + f.message())));
        case null -> out.emit(error("upstream stream ended before its end event"));
        default -> throw new IllegalStateException("unexpected " + last[0]);
      }
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("relay interrupted");
      }
      throw e;
    }
  }

  private HttpRequest request() {
    ObjectNode body = TokenDecoder.JSON.createObjectNode();
    if (!settings.model().isEmpty()) {
      body.put("model", settings.model());
    }
    if (settings.format() == LlmFormat.ANTHROPIC) {
      body.put("max_tokens", settings.maxTokens());
    }
    body.set("messages", messages);
    body.put("stream", true);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.upstream())
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream");
    if (settings.format() == LlmFormat.ANTHROPIC) {
      request.header("anthropic-version", "2023-06-01");
      if (!settings.apiKey().isEmpty()) {
        request.header("x-api-key", settings.apiKey());
      }
    } else if (!settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    return request.build();
  }

  private String scrub(String message) {
    String key = settings.apiKey();
    return key.isEmpty() ? message : message.replace(key, "***");
  }

  static ServerSentEvent token(String text) {
    ObjectNode data = TokenDecoder.JSON.createObjectNode().put("text", text);
    return ServerSentEvent.of("token", data.toString());
  }

  static ServerSentEvent done(String finishReason, int tokens) {
    ObjectNode data = TokenDecoder.JSON.createObjectNode();
    data.put("finish_reason", finishReason);
    data.put("tokens", tokens);
    return ServerSentEvent.of("done", data.toString());
  }

  static ServerSentEvent error(String message) {
    return ServerSentEvent.of(
        "error", TokenDecoder.JSON.createObjectNode().put("message", message).toString());
  }
}
