package dev.sluice.http.internal;

import dev.sluice.Emitter;
import dev.sluice.PushFeed;
import dev.sluice.http.HttpException;
import dev.sluice.http.WebSocketSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One open WebSocket with real backpressure: the listener is asked for one invocation at a time; a
 * frame of a partial message asks for the next at once (joined up to the limit), a whole message
 * waits in a one-slot hand-off until the consumer took it and asked again. A session reads either
 * text or binary messages; one of the other kind fails it. Closing sends a close frame and aborts
 * the socket.
 */
public final class WebSocketSession implements AutoCloseable {
  private record End(int status, String reason) {}

  private record Failure(Throwable error) {}

  private final URI uri;
  private final WebSocketSettings settings;
  // one message (only one is ever requested) and the end or a failure after it (onError comes
  // unrequested)
  private final BlockingQueue<Object> handOff = new ArrayBlockingQueue<>(2);
  private final StringBuilder partial = new StringBuilder();
  private final boolean binary;
  private final PushFeed<String> feed;
  private BinaryMessage partialBytes;
  private WebSocket socket;

  private WebSocketSession(
      URI uri, WebSocketSettings settings, boolean binary, PushFeed<String> feed) {
    this.uri = uri;
    this.settings = settings;
    this.binary = binary;
    this.feed = feed;
  }

  /** Opens the socket for text messages (blocks for the handshake). */
  public static WebSocketSession open(HttpClient client, URI uri, WebSocketSettings settings)
      throws Exception {
    return open(client, uri, settings, false, null);
  }

  /** Opens the socket for binary messages (blocks for the handshake). */
  public static WebSocketSession openBinary(HttpClient client, URI uri, WebSocketSettings settings)
      throws Exception {
    return open(client, uri, settings, true, null);
  }

  /**
   * Opens the socket for text messages that go to {@code feed} as they arrive, each asking for the
   * next at once (the feed's policy decides what a full queue does); the end or a failure of the
   * socket completes or fails the feed.
   */
  public static WebSocketSession openFeed(
      HttpClient client, URI uri, WebSocketSettings settings, PushFeed<String> feed)
      throws Exception {
    return open(client, uri, settings, false, feed);
  }

  private static WebSocketSession open(
      HttpClient client, URI uri, WebSocketSettings settings, boolean binary, PushFeed<String> feed)
      throws Exception {
    WebSocketSession session = new WebSocketSession(uri, settings, binary, feed);
    WebSocket.Builder builder = client.newWebSocketBuilder();
    builder.connectTimeout(settings.connectTimeout());
    settings.headers().forEach(builder::header);
    try {
      session.socket = builder.buildAsync(uri, session.new Listener()).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        int status = refused.getResponse().statusCode();
        throw new HttpException(
            "WebSocket " + uri + " refused the handshake with status " + status, status, refused);
      }
      throw new HttpException(
          "WebSocket " + uri + " could not open: " + e.getCause(), -1, e.getCause());
    }
    session.socket.request(1);
    return session;
  }

  /** Emits every text message until the server closes; asks for the next after each emit. */
  public void drain(Emitter<String> out) throws InterruptedException {
    drainAs(String.class, out);
  }

  /** Emits every binary message (a new array each) until the server closes, like {@link #drain}. */
  public void drainBinary(Emitter<byte[]> out) throws InterruptedException {
    drainAs(byte[].class, out);
  }

  private <T> void drainAs(Class<T> type, Emitter<T> out) throws InterruptedException {
    while (true) {
      Object next = handOff.take();
      if (type.isInstance(next)) {
        out.emit(type.cast(next));
        socket.request(1);
      } else if (next instanceof End) {
        return;
      } else {
        Throwable error = ((Failure) next).error();
        throw error instanceof HttpException e
            ? e
            : new HttpException("WebSocket " + uri + " failed: " + error, -1, error);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (socket == null) {
      return;
    }
    // A cancelled run closes with its interrupt set: the close frame is still sent (bounded by
    // closeTimeout), then the interrupt is restored.
    boolean interrupted = Thread.interrupted();
    try {
      if (!socket.isOutputClosed()) {
        socket
            .sendClose(WebSocket.NORMAL_CLOSURE, "")
            .get(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    } catch (ExecutionException | TimeoutException e) {
      // the socket is aborted below either way
    } finally {
      socket.abort();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A whole message, the end or a failure: to the one-slot hand-off, or to the feed. */
  private void deliver(WebSocket ws, Object next) {
    if (feed == null) {
      handOff.offer(next);
    } else if (next instanceof String message) {
      if (feed.offer(message)) {
        ws.request(1);
      }
    } else if (next instanceof End) {
      feed.complete();
    } else {
      Throwable error = ((Failure) next).error();
      feed.fail(
          error instanceof HttpException
              ? error
              : new HttpException("WebSocket " + uri + " failed: " + error, -1, error));
    }
  }

  /** The messages received and not yet taken by {@link #drain}: at most one. */
  int held() {
    return (int) handOff.stream().filter(m -> m instanceof String || m instanceof byte[]).count();
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket ws) {
      // not the default request(1): open() asks for the first message, so one is held at most
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      if (binary) {
        deliver(
            ws,
            new Failure(
                new HttpException(
                    "WebSocket "
                        + uri
                        + " sent a text message; binaryMessages reads binary only")));
        return null;
      }
      if (partial.length() + data.length() > settings.maxMessageSize()) {
        partial.setLength(0);
        deliver(
            ws,
            new Failure(
                new HttpException(
                    "WebSocket "
                        + uri
                        + " sent a message larger than maxMessageSize ("
                        + settings.maxMessageSize()
                        + " chars); raise WebSocketSettings.maxMessageSize")));
        return null;
      }
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        deliver(ws, message);
      } else {
        ws.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      if (!binary) {
        deliver(
            ws,
            new Failure(
                new HttpException(
                    "WebSocket " + uri + " sent a binary message; messages reads text only")));
        return null;
      }
      if (partialBytes == null) {
        partialBytes = new BinaryMessage(settings.maxBinaryMessageSize());
      }
      if (!partialBytes.add(data)) {
        partialBytes = null;
        deliver(
            ws,
            new Failure(
                new HttpException(
                    "WebSocket "
                        + uri
                        + " sent a binary message larger than maxBinaryMessageSize ("
                        + settings.maxBinaryMessageSize()
                        + " bytes); raise WebSocketSettings.maxBinaryMessageSize")));
        return null;
      }
      if (last) {
        deliver(ws, partialBytes.bytes());
        partialBytes = null;
      } else {
        ws.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      deliver(ws, new End(status, reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      deliver(ws, new Failure(error));
    }
  }
}
