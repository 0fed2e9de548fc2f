package dev.sluice.http.internal;

import dev.sluice.Emitter;
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
 * waits in a one-slot hand-off until the consumer took it and asked again. Closing sends a close
 * frame and aborts the socket.
 */
public final class WebSocketSession implements AutoCloseable {
  private record End(int status, String reason) {}

  private record Failure(Throwable error) {}

  private final URI uri;
  private final WebSocketSettings settings;
  private final BlockingQueue<Object> handOff = new ArrayBlockingQueue<>(2);
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private WebSocketSession(URI uri, WebSocketSettings settings) {
    this.uri = uri;
    this.settings = settings;
  }

  /** Opens the socket (blocks for the handshake). */
  public static WebSocketSession open(HttpClient client, URI uri, WebSocketSettings settings)
      throws Exception {
    WebSocketSession session = new WebSocketSession(uri, settings);
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

  /** Emits every message until the server closes; asks for the next only after each emit. */
  public void drain(Emitter<String> out) throws InterruptedException {
    while (true) {
      Object next = handOff.take();
      if (next instanceof String message) {
        out.emit(message);
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

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      if (partial.length() + data.length() > settings.maxMessageSize()) {
        partial.setLength(0);
        handOff.offer(
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
        handOff.offer(message);
      } else {
        ws.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      handOff.offer(
          new Failure(
              new HttpException("WebSocket " + uri + " sent a binary message; only text is read")));
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      handOff.offer(new End(status, reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      handOff.offer(new Failure(error));
    }
  }
}
