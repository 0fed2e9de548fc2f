package dev.sluice.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the LLM token {@link Relay}: the upstream URL and format, the API key, the model, and
 * the server. Immutable and thread-safe; {@link #toString()} lists every value but shows only
 * whether an API key is set, never the key.
 *
 * <pre>{@code
 * RelaySettings settings = RelaySettings.builder(URI.create("https://api.openai.com/v1/chat/completions"))
 *     .format(LlmFormat.OPENAI)
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .model("gpt-4o-mini")
 *     .build();
 * }</pre>
 */
public final class RelaySettings {
  private final URI upstream;
  private final LlmFormat format;
  private final String apiKey;
  private final String model;
  private final int maxTokens;
  private final int maxRequestBytes;
  private final Duration connectTimeout;
  private final SseSettings upstreamLimits;
  private final SseServerSettings server;

  private RelaySettings(Builder b) {
    this.upstream = b.upstream;
    this.format = b.format;
    this.apiKey = b.apiKey;
    this.model = b.model;
    this.maxTokens = b.maxTokens;
    this.maxRequestBytes = b.maxRequestBytes;
    this.connectTimeout = b.connectTimeout;
    this.upstreamLimits = b.upstreamLimits;
    this.server = b.server;
  }

  /** A builder relaying {@code upstream}, the chat API's streaming endpoint. */
  public static Builder builder(URI upstream) {
    return new Builder(upstream);
  }

  /** The upstream chat endpoint. */
  public URI upstream() {
    return upstream;
  }

  /** The upstream's format (default {@link LlmFormat#OPENAI}). */
  public LlmFormat format() {
    return format;
  }

  /** The API key, or {@code ""} for none (default). Never logged or put in a message. */
  public String apiKey() {
    return apiKey;
  }

  /** The model sent upstream, or {@code ""} to send none (default). */
  public String model() {
    return model;
  }

  /** Anthropic's required {@code max_tokens} (default 1024); OpenAI requests do not send it. */
  public int maxTokens() {
    return maxTokens;
  }

  /** The largest {@code POST /relay} body in bytes (default 1 MiB); a larger one gets 413. */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /** The upstream connect timeout (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The limits of the upstream event stream (its maxLineLength and maxEventSize). */
  public SseSettings upstreamLimits() {
    return upstreamLimits;
  }

  /** Where the relay listens and how often it sends heartbeats. */
  public SseServerSettings server() {
    return server;
  }

  @Override
  public String toString() {
    return "RelaySettings[upstream="
        + upstream
        + ", format="
        + format
        + ", apiKey="
        + (apiKey.isEmpty() ? "<none>" : "<set>")
        + ", model="
        + model
        + ", maxTokens="
        + maxTokens
        + ", maxRequestBytes="
        + maxRequestBytes
        + ", connectTimeout="
        + connectTimeout
        + ", upstreamLimits=[maxLineLength="
        + upstreamLimits.maxLineLength()
        + ", maxEventSize="
        + upstreamLimits.maxEventSize()
        + "], server="
        + server
        + "]";
  }

  /** Builds {@link RelaySettings}; every setter checks its value and names it. */
  public static final class Builder {
    private final URI upstream;
    private LlmFormat format = LlmFormat.OPENAI;
    private String apiKey = "";
    private String model = "";
    private int maxTokens = 1024;
    private int maxRequestBytes = 1 << 20;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private SseSettings upstreamLimits = SseSettings.defaults();
    private SseServerSettings server = SseServerSettings.defaults();

    private Builder(URI upstream) {
      Objects.requireNonNull(upstream, "upstream");
      if (!upstream.isAbsolute()) {
        throw new IllegalArgumentException("upstream must be an absolute URL, was " + upstream);
      }
      this.upstream = upstream;
    }

    /** See {@link RelaySettings#format()}. */
    public Builder format(LlmFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** See {@link RelaySettings#apiKey()}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** See {@link RelaySettings#model()}. */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** See {@link RelaySettings#maxTokens()}. */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = Settings.positive(maxTokens, "maxTokens");
      return this;
    }

    /** See {@link RelaySettings#maxRequestBytes()}. */
    public Builder maxRequestBytes(int bytes) {
      this.maxRequestBytes = Settings.positive(bytes, "maxRequestBytes");
      return this;
    }

    /** See {@link RelaySettings#connectTimeout()}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connectTimeout");
      return this;
    }

    /** See {@link RelaySettings#upstreamLimits()}. */
    public Builder upstreamLimits(SseSettings limits) {
      this.upstreamLimits = Objects.requireNonNull(limits, "upstreamLimits");
      return this;
    }

    /** See {@link RelaySettings#server()}. */
    public Builder server(SseServerSettings server) {
      this.server = Objects.requireNonNull(server, "server");
      return this;
    }

    /** The settings. */
    public RelaySettings build() {
      return new RelaySettings(this);
    }
  }
}
