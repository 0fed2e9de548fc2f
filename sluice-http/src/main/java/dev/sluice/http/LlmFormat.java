package dev.sluice.http;

import java.util.Locale;

/** The streaming formats of LLM chat APIs the {@link Relay} reads. */
public enum LlmFormat {
  /**
   * OpenAI chat completions: {@code data: {chunk}} events with {@code choices[0].delta.content} and
   * {@code choices[0].finish_reason}, ended by {@code data: [DONE]}; the key goes in {@code
   * Authorization: Bearer}.
   */
  OPENAI,
  /**
   * Anthropic Messages: named events {@code message_start}, {@code content_block_delta} (text when
   * {@code delta.type} is {@code text_delta}), {@code message_delta} ({@code delta.stop_reason}),
   * {@code message_stop}, {@code ping} and {@code error}; others are ignored. The key goes in
   * {@code x-api-key}, with {@code anthropic-version: 2023-06-01}.
   */
  ANTHROPIC;

  /** The format named {@code name}, ignoring case: {@code openai} or {@code anthropic}. */
  public static LlmFormat of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "openai" -> OPENAI;
      case "anthropic" -> ANTHROPIC;
      default ->
          throw new IllegalArgumentException("format must be openai or anthropic, was " + name);
    };
  }
}
