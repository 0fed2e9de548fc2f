package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Pipe;
import dev.sluice.http.internal.Clients;
import dev.sluice.http.internal.JettyServers;
import dev.sluice.http.internal.OpenStreams;
import dev.sluice.http.internal.RelayHandler;
import dev.sluice.http.internal.RelayStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.Server;

/**
 * The LLM token relay: a server whose {@code POST /relay} takes {@code {"messages":[...]}}, sends
 * it to the upstream chat API with {@code "stream": true} (and the model, if set), and answers a
 * {@code text/event-stream} of {@code event: token} / {@code data: {"text":"..."}} per token, then
 * {@code event: done} / {@code data: {"finish_reason":"...","tokens":N}}; an upstream failure
 * becomes {@code event: error} / {@code data: {"message":"..."}} and the stream ends. {@code GET /}
 * serves a small page that sends a prompt and shows the tokens as they arrive ({@code /?prompt=...}
 * sends one at once). A client that disconnects cancels its upstream request, as in {@link
 * SseServer}. The API key goes only into the upstream request's header; it is never logged and is
 * cut out of error messages. Thread-safe.
 *
 * <pre>{@code
 * try (Relay relay = Relay.start(RelaySettings.builder(upstream)
 *     .format(LlmFormat.ANTHROPIC).apiKey(System.getenv("ANTHROPIC_API_KEY"))
 *     .model("claude-sonnet-4-5").build())) {
 *   System.out.println("open " + relay.uri());
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class Relay implements AutoCloseable {
  private final Server server;
  private final OpenStreams streams;
  private final URI uri;
  private final CountDownLatch closed = new CountDownLatch(1);

  private Relay(Server server, OpenStreams streams, String host) {
    this.server = server;
    this.streams = streams;
    this.uri = URI.create("http://" + host + ":" + JettyServers.port(server) + "/");
  }

  /** Starts a relay server by {@code settings}. */
  public static Relay start(RelaySettings settings) throws Exception {
    Objects.requireNonNull(settings, "settings");
    OpenStreams streams = new OpenStreams(settings.server().heartbeat(), settings.server().clock());
    Server server =
        JettyServers.start(
            settings.server().host(),
            settings.server().port(),
            SseServer.idleTimeout(settings.server().heartbeat()),
            new RelayHandler(client(settings), settings, streams));
    return new Relay(server, streams, settings.server().host());
  }

  /**
   * The relayed events of one chat, without a server: what {@code POST /relay} streams for {@code
   * messages} (a JSON array of chat messages). Each run makes one upstream request on the calling
   * thread; the run never fails for an upstream failure (that is an {@code error} event), only for
   * an interrupt or cancellation.
   */
  public static Pipe<ServerSentEvent> events(RelaySettings settings, JsonNode messages) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(messages, "messages");
    if (!messages.isArray()) {
      throw new IllegalArgumentException(
          "messages must be a JSON array, was " + messages.getNodeType());
    }
    return Pipe.generate(new RelayStream(client(settings), settings, messages));
  }

  private static HttpClient client(RelaySettings settings) {
    return Clients.plain(settings.connectTimeout());
  }

  /** The relay's base URL, e.g. {@code http://127.0.0.1:54321/}. */
  public URI uri() {
    return uri;
  }

  /** The number of relayed streams open now. */
  public int openStreams() {
    return streams.count();
  }

  /**
   * Waits until this relay is closed (by {@link #close} on another thread, such as a shutdown hook)
   * and its server has stopped; returns at once if it was.
   */
  public void join() throws InterruptedException {
    closed.await();
  }

  /** Cancels every relayed stream, waits for their runs to end, then stops the server. */
  @Override
  public void close() {
    try {
      JettyServers.stop(server, streams);
    } finally {
      closed.countDown();
    }
  }
}
