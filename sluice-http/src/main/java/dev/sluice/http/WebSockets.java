package dev.sluice.http;

import dev.sluice.Overflow;
import dev.sluice.Pipe;
import dev.sluice.http.internal.Clients;
import dev.sluice.http.internal.WebSocketSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * WebSocket sources on the JDK's {@link java.net.http.WebSocket} client.
 *
 * <pre>{@code
 * WebSockets.messages(URI.create("ws://localhost:8080/feed"), WebSocketSettings.defaults())
 *     .take(10)
 *     .forEach(System.out::println);
 * }</pre>
 */
public final class WebSockets {
  private WebSockets() {}

  /**
   * The text messages of a WebSocket, frames joined. Each run opens the socket on the calling
   * thread and asks the server for one message at a time ({@code request(1)} after each message is
   * handed downstream), so a slow consumer slows the server through TCP, and at most one message is
   * held. The source ends when the server closes; a binary message (see {@link #binaryMessages}), a
   * message larger than {@link WebSocketSettings#maxMessageSize()} or a socket error fails the run
   * with {@link HttpException}. The socket is closed on every way out (close frame, then abort
   * after {@link WebSocketSettings#closeTimeout()}); an interrupt ends a wait at once.
   */
  public static Pipe<String> messages(URI uri, WebSocketSettings settings) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(settings, "settings");
    HttpClient client = Clients.plain(settings.connectTimeout());
    return Pipe.using(
        () -> WebSocketSession.open(client, uri, settings),
        session -> Pipe.generate(session::drain));
  }

  /**
   * The text messages of a WebSocket feed that cannot wait (a server that drops slow clients,
   * prices you would rather skip than delay): every message is taken off the socket as it arrives
   * into a queue of at most {@code capacity} messages ({@link Pipe#push}), and a consumer that
   * falls behind meets {@code overflow}: {@link Overflow#DROP_OLDEST} or {@link
   * Overflow#DROP_NEWEST} drop messages and count them in {@link dev.sluice.Progress#dropped()},
   * {@link Overflow#FAIL} fails the run naming the capacity. For backpressure instead ({@link
   * Overflow#BLOCK}) use {@link #messages}, which asks the server for one message at a time.
   * Otherwise like {@link #messages}: limits, the end, failures, and the socket closed on every way
   * out.
   *
   * <pre>{@code
   * Pipe<String> latest = WebSockets.feed(uri, WebSocketSettings.defaults(), 256,
   *     Overflow.DROP_OLDEST);
   * }</pre>
   */
  public static Pipe<String> feed(
      URI uri, WebSocketSettings settings, int capacity, Overflow overflow) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(overflow, "overflow");
    if (overflow == Overflow.BLOCK) {
      throw new IllegalArgumentException(
          "overflow BLOCK would hold up the WebSocket client's thread; WebSockets.messages reads"
              + " with backpressure");
    }
    HttpClient client = Clients.plain(settings.connectTimeout());
    return Pipe.push(
        capacity, overflow, feed -> WebSocketSession.openFeed(client, uri, settings, feed));
  }

  /**
   * The binary messages of a WebSocket, frames joined, each a new array the consumer owns. Like
   * {@link #messages}: one message requested at a time, at most one held; the source ends when the
   * server closes; a text message, a message larger than {@link
   * WebSocketSettings#maxBinaryMessageSize()} bytes or a socket error fails the run with {@link
   * HttpException}; the socket is closed on every way out.
   *
   * <pre>{@code
   * long bytes = WebSockets.binaryMessages(uri, WebSocketSettings.defaults())
   *     .map(message -> message.length)
   *     .reduce(0L, Long::sum);
   * }</pre>
   */
  public static Pipe<byte[]> binaryMessages(URI uri, WebSocketSettings settings) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(settings, "settings");
    HttpClient client = Clients.plain(settings.connectTimeout());
    return Pipe.using(
        () -> WebSocketSession.openBinary(client, uri, settings),
        session -> Pipe.generate(session::drainBinary));
  }
}
