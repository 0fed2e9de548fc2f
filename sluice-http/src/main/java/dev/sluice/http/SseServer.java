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
 * text/event-stream}: every GET runs the pipe {@code feed} builds for it on the request's virtual
 * thread, and writes its events with Jetty's asynchronous writes, so a stream adds no thread. One
 * heartbeat timer thread serves all clients (it runs while any stream is open): a comment goes to
 * every client not being written to every {@link SseServerSettings#heartbeat()}. Encoded events
 * wait in a bounded per-client buffer; when it is full the client's pipe waits (a slow client slows
 * its own pipe, it never grows a queue, and no event is dropped).
 *
 * <p>A client that disconnects cancels its run: a failed write, a request failure Jetty reports, or
 * (HTTP/1) the end of the connection's input, which is watched while the stream runs, cancels the
 * run, which interrupts the pipe's thread and closes what it opened (an upstream HTTP connection,
 * say). A pipe that ends ends the response; one that fails ends it too (a client reconnects by the
 * SSE rules). {@link #close()} cancels every stream, waits for their runs to end and stops the
 * server. Thread-safe.
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
    OpenStreams streams = new OpenStreams(settings.heartbeat(), settings.clock());
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
