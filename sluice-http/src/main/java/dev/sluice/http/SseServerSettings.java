package dev.sluice.http;

import dev.sluice.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link SseServer} (and of the {@link Relay}'s server): where it listens, the
 * heartbeat interval and the clock of the heartbeat timer, and the per-client buffer. Immutable and
 * thread-safe; {@link #toString()} lists every value.
 *
 * <pre>{@code
 * SseServerSettings settings = SseServerSettings.builder()
 *     .host("0.0.0.0").port(8080).heartbeat(Duration.ofSeconds(10)).clientBuffer(256).build();
 * }</pre>
 */
public final class SseServerSettings {
  private final String host;
  private final int port;
  private final Duration heartbeat;
  private final Clock clock;
  private final int clientBuffer;

  private SseServerSettings(Builder b) {
    this.clientBuffer = b.clientBuffer;
    this.host = b.host;
    this.port = b.port;
    this.heartbeat = b.heartbeat;
    this.clock = b.clock;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: 127.0.0.1, an ephemeral port, a heartbeat every 15 s, 64 events per client. */
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
   * The interval of the heartbeat comment ({@code ":\n\n"}) sent to each client (default 15 s). One
   * timer serves all clients of a server: every interval, each client that is not being written to
   * gets a heartbeat, so proxies keep an idle stream open. It is not needed to notice a client that
   * left: that is noticed when its connection closes.
   */
  public Duration heartbeat() {
    return heartbeat;
  }

  /** The clock the heartbeat timer reads (default {@link Clock#system()}). */
  public Clock clock() {
    return clock;
  }

  /**
   * The most encoded events that wait for one slow client (default 64). When a client reads slower
   * than its pipe produces, its events wait here while Jetty writes them; when the buffer is full,
   * that client's pipe waits (its {@code emit} blocks) until the client has read enough. Nothing is
   * dropped and other clients are not slowed. A client that stops reading altogether keeps its pipe
   * waiting until the connection's idle timeout (twice the heartbeat, at least 30 s) fails the
   * write and cancels the run.
   */
  public int clientBuffer() {
    return clientBuffer;
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
        + ", clientBuffer="
        + clientBuffer
        + "]";
  }

  /** Builds {@link SseServerSettings}; every setter checks its value and names it. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Duration heartbeat = Duration.ofSeconds(15);
    private Clock clock = Clock.system();
    private int clientBuffer = 64;

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

    /**
     * The host and port of {@code hostAndPort}, such as {@code 127.0.0.1:8080} or {@code [::1]:0}:
     * the text after the last colon is the port.
     */
    public Builder listen(String hostAndPort) {
      Objects.requireNonNull(hostAndPort, "hostAndPort");
      int colon = hostAndPort.lastIndexOf(':');
      int port;
      try {
        port = Integer.parseInt(hostAndPort.substring(colon + 1));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        port = -1;
      }
      if (colon <= 0 || port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "listen must be HOST:PORT (a port from 0 to 65535), was " + hostAndPort);
      }
      return host(hostAndPort.substring(0, colon)).port(port);
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

    /** See {@link SseServerSettings#clientBuffer()}; must be > 0. */
    public Builder clientBuffer(int events) {
      this.clientBuffer = Settings.positive(events, "clientBuffer");
      return this;
    }

    /** The settings. */
    public SseServerSettings build() {
      return new SseServerSettings(this);
    }
  }
}
