package dev.sluice.http;

import dev.sluice.CheckedFunction;
import dev.sluice.Pipe;
import dev.sluice.http.internal.JettyServers;
import dev.sluice.http.internal.OpenStreams;
import dev.sluice.http.internal.SseHandler;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.Server;

/**
 * A server (Jetty 12, virtual threads) that serves a pipe to each client as a {@code
 * text/event-stream}: every GET runs the pipe {@code feed} builds for it, on the request's virtual
 * thread plus the two of a {@link Pipe#merge} (the pipe and a heartbeat timer). Events wait in a
 * bounded per-client buffer ({@link Pipe#DEFAULT_BUFFER} events); a slow client slows its pipe, it
 * never grows a queue. A heartbeat comment goes out every {@link SseServerSettings#heartbeat()}.
 *
 * <p>A client that disconnects cancels its run: the next write (an event or a heartbeat) fails, or
 * Jetty reports the request failed, and the run is cancelled, which interrupts the pipe's thread
 * and closes what it opened (an upstream HTTP connection, say). A pipe that ends ends the response;
 * one that fails ends it too (a client reconnects by the SSE rules). {@link #close()} cancels every
 * stream, waits for their runs to end and stops the server. Thread-safe.
 *
 * <pre>{@code
 * try (SseServer server = SseServer.start(SseServerSettings.defaults(),
 *     request -> Pipe.range(0, 100).map(i -> ServerSentEvent.message("tick " + i)))) {
 *   System.out.println("serving " + server.uri());
 * }
 * }</pre>
 */
public final class SseServer implements AutoCloseable {
  private final Server server;
  private final OpenStreams streams;
  private final URI uri;

  private SseServer(Server server, OpenStreams streams, String host) {
    this.server = server;
    this.streams = streams;
    this.uri = URI.create("http://" + host + ":" + JettyServers.port(server) + "/");
  }

  /** Starts a server that answers every GET with the events of {@code feed(request)}. */
  public static SseServer start(
      SseServerSettings settings, CheckedFunction<? super SseRequest, Pipe<ServerSentEvent>> feed)
      throws Exception {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(feed, "feed");
    OpenStreams streams = new OpenStreams();
    Server server =
        JettyServers.start(
            settings.host(),
            settings.port(),
            idleTimeout(settings.heartbeat()),
            new SseHandler(feed, settings, streams));
    return new SseServer(server, streams, settings.host());
  }

  static Duration idleTimeout(Duration heartbeat) {
    Duration twice = heartbeat.multipliedBy(2);
    return twice.compareTo(Duration.ofSeconds(30)) > 0 ? twice : Duration.ofSeconds(30);
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:54321/}. */
  public URI uri() {
    return uri;
  }

  /** The number of event streams being served now. */
  public int openStreams() {
    return streams.count();
  }

  /** Cancels every stream, waits for their runs to end, then stops the server. */
  @Override
  public void close() {
    JettyServers.stop(server, streams);
  }
}
