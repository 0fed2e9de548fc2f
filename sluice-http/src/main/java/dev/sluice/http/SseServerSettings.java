package dev.sluice.http;

import dev.sluice.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link SseServer} (and of the {@link Relay}'s server): where it listens, the
 * heartbeat interval and the clock of the heartbeat timer. Immutable and thread-safe; {@link
 * #toString()} lists every value.
 *
 * <pre>{@code
 * SseServerSettings settings = SseServerSettings.builder()
 *     .host("0.0.0.0").port(8080).heartbeat(Duration.ofSeconds(10)).build();
 * }</pre>
 */
public final class SseServerSettings {
  private final String host;
  private final int port;
  private final Duration heartbeat;
  private final Clock clock;

  private SseServerSettings(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.heartbeat = b.heartbeat;
    this.clock = b.clock;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: 127.0.0.1, an ephemeral port, a heartbeat every 15 s. */
  public static SseServerSettings defaults() {
    return builder().build();
  }

  /** The address to listen on (default {@code 127.0.0.1}). */
  public String host() {
    return host;
  }

  /** The port, 0 for an ephemeral one (default). */
  public int port() {
    return port;
  }

  /**
   * The interval of the heartbeat comment ({@code ":\n\n"}) sent to each client (default 15 s); a
   * client that disconnected is noticed at the latest on the next heartbeat.
   */
  public Duration heartbeat() {
    return heartbeat;
  }

  /** The clock the heartbeat timer reads (default {@link Clock#system()}). */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "SseServerSettings[host="
        + host
        + ", port="
        + port
        + ", heartbeat="
        + heartbeat
        + ", clock="
        + clock
        + "]";
  }

  /** Builds {@link SseServerSettings}; every setter checks its value and names it. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Duration heartbeat = Duration.ofSeconds(15);
    private Clock clock = Clock.system();

    private Builder() {}

    /** See {@link SseServerSettings#host()}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** See {@link SseServerSettings#port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** See {@link SseServerSettings#heartbeat()}. */
    public Builder heartbeat(Duration interval) {
      this.heartbeat = Settings.positive(interval, "heartbeat");
      return this;
    }

    /** See {@link SseServerSettings#clock()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The settings. */
    public SseServerSettings build() {
      return new SseServerSettings(this);
    }
  }
}
