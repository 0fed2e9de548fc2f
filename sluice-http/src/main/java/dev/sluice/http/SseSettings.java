package dev.sluice.http;

import dev.sluice.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of an SSE client source ({@link Sse#events}): limits, timeouts, reconnection and extra
 * request headers. Immutable and thread-safe; build with {@link #builder()}; {@link #toString()}
 * lists every value.
 *
 * <pre>{@code
 * SseSettings settings = SseSettings.builder()
 *     .maxLineLength(1 << 20)
 *     .reconnectDelay(Duration.ofSeconds(1))
 *     .header("Authorization", "Bearer " + token)
 *     .build();
 * }</pre>
 */
public final class SseSettings {
  private final int maxLineLength;
  private final int maxEventSize;
  private final Duration connectTimeout;
  private final Duration reconnectDelay;
  private final Duration maxReconnectDelay;
  private final int maxReconnects;
  private final Map<String, String> headers;
  private final Clock clock;

  private SseSettings(Builder b) {
    this.maxLineLength = b.maxLineLength;
    this.maxEventSize = b.maxEventSize;
    this.connectTimeout = b.connectTimeout;
    this.reconnectDelay = b.reconnectDelay;
    this.maxReconnectDelay = b.maxReconnectDelay;
    this.maxReconnects = b.maxReconnects;
    this.headers = Map.copyOf(b.headers);
    this.clock = b.clock;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static SseSettings defaults() {
    return builder().build();
  }

  /** The longest line in bytes (default 1 MiB). */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** The largest event data in chars (default 8 Mi). */
  public int maxEventSize() {
    return maxEventSize;
  }

  /** The connect timeout (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The wait before reconnecting until the server sends {@code retry} (default 3 s). */
  public Duration reconnectDelay() {
    return reconnectDelay;
  }

  /** The cap of the doubling wait after consecutive failed connections (default 60 s). */
  public Duration maxReconnectDelay() {
    return maxReconnectDelay;
  }

  /** Reconnections in a row without an event before the source fails; -1: unlimited (default). */
  public int maxReconnects() {
    return maxReconnects;
  }

  /** Extra request headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The clock the reconnection waits read (default {@link Clock#system()}). */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "SseSettings[maxLineLength="
        + maxLineLength
        + ", maxEventSize="
        + maxEventSize
        + ", connectTimeout="
        + connectTimeout
        + ", reconnectDelay="
        + reconnectDelay
        + ", maxReconnectDelay="
        + maxReconnectDelay
        + ", maxReconnects="
        + maxReconnects
        + ", headers="
        + headers.keySet()
        + ", clock="
        + clock
        + "]";
  }

  /** Builds {@link SseSettings}; every setter checks its value and names it when it fails. */
  public static final class Builder {
    private int maxLineLength = 1 << 20;
    private int maxEventSize = 8 << 20;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration reconnectDelay = Duration.ofSeconds(3);
    private Duration maxReconnectDelay = Duration.ofSeconds(60);
    private int maxReconnects = -1;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Clock clock = Clock.system();

    private Builder() {}

    /** See {@link SseSettings#maxLineLength()}. */
    public Builder maxLineLength(int bytes) {
      this.maxLineLength = Settings.positive(bytes, "maxLineLength");
      return this;
    }

    /** See {@link SseSettings#maxEventSize()}. */
    public Builder maxEventSize(int chars) {
      this.maxEventSize = Settings.positive(chars, "maxEventSize");
      return this;
    }

    /** See {@link SseSettings#connectTimeout()}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connectTimeout");
      return this;
    }

    /** See {@link SseSettings#reconnectDelay()}. */
    public Builder reconnectDelay(Duration delay) {
      this.reconnectDelay = Settings.notNegative(delay, "reconnectDelay");
      return this;
    }

    /** See {@link SseSettings#maxReconnectDelay()}. */
    public Builder maxReconnectDelay(Duration delay) {
      this.maxReconnectDelay = Settings.notNegative(delay, "maxReconnectDelay");
      return this;
    }

    /** See {@link SseSettings#maxReconnects()}. */
    public Builder maxReconnects(int n) {
      if (n < -1) {
        throw new IllegalArgumentException("maxReconnects must be >= -1, was " + n);
      }
      this.maxReconnects = n;
      return this;
    }

    /** Adds a request header (the value is not shown by {@code toString}). */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** See {@link SseSettings#clock()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The settings; checks that maxReconnectDelay >= reconnectDelay. */
    public SseSettings build() {
      if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
        throw new IllegalArgumentException(
            "maxReconnectDelay must be >= reconnectDelay ("
                + reconnectDelay
                + "), was "
                + maxReconnectDelay);
      }
      return new SseSettings(this);
    }
  }
}
