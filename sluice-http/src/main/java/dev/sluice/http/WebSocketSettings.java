package dev.sluice.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a WebSocket source ({@link WebSockets#messages}, {@link WebSockets#binaryMessages}):
 * limits, timeouts and request headers. Immutable and thread-safe; {@link #toString()} lists every
 * value (header names only).
 *
 * <pre>{@code
 * WebSocketSettings settings = WebSocketSettings.builder().maxMessageSize(1 << 16).build();
 * }</pre>
 */
public final class WebSocketSettings {
  private final int maxMessageSize;
  private final int maxBinaryMessageSize;
  private final Duration connectTimeout;
  private final Duration closeTimeout;
  private final Map<String, String> headers;

  private WebSocketSettings(Builder b) {
    this.maxMessageSize = b.maxMessageSize;
    this.maxBinaryMessageSize = b.maxBinaryMessageSize;
    this.connectTimeout = b.connectTimeout;
    this.closeTimeout = b.closeTimeout;
    this.headers = Map.copyOf(b.headers);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static WebSocketSettings defaults() {
    return builder().build();
  }

  /** The largest text message in chars, frames joined (default 1 Mi). */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /** The largest binary message in bytes, frames joined (default 1 MiB). */
  public int maxBinaryMessageSize() {
    return maxBinaryMessageSize;
  }

  /** The connect timeout, opening handshake included (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long closing waits for the close frame to be sent before aborting (default 1 s). */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /** Extra headers of the opening handshake. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "WebSocketSettings[maxMessageSize="
        + maxMessageSize
        + ", maxBinaryMessageSize="
        + maxBinaryMessageSize
        + ", connectTimeout="
        + connectTimeout
        + ", closeTimeout="
        + closeTimeout
        + ", headers="
        + headers.keySet()
        + "]";
  }

  /** Builds {@link WebSocketSettings}; every setter checks its value and names it. */
  public static final class Builder {
    private int maxMessageSize = 1 << 20;
    private int maxBinaryMessageSize = 1 << 20;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration closeTimeout = Duration.ofSeconds(1);
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /** See {@link WebSocketSettings#maxMessageSize()}. */
    public Builder maxMessageSize(int chars) {
      this.maxMessageSize = Settings.positive(chars, "maxMessageSize");
      return this;
    }

    /** See {@link WebSocketSettings#maxBinaryMessageSize()}. */
    public Builder maxBinaryMessageSize(int bytes) {
      this.maxBinaryMessageSize = Settings.positive(bytes, "maxBinaryMessageSize");
      return this;
    }

    /** See {@link WebSocketSettings#connectTimeout()}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connectTimeout");
      return this;
    }

    /** See {@link WebSocketSettings#closeTimeout()}. */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = Settings.notNegative(timeout, "closeTimeout");
      return this;
    }

    /** Adds a handshake header (its value is not shown by {@code toString}). */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The settings. */
    public WebSocketSettings build() {
      return new WebSocketSettings(this);
    }
  }
}
