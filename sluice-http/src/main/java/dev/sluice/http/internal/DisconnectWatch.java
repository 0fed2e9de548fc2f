package dev.sluice.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices at once that the client of an HTTP/1 event stream closed its connection. Jetty has no
 * read interest on a connection while its request is handled, so it would notice only when a later
 * write fails; this registers read interest on the connection's endpoint and reads what arrives:
 * end of input (or a read failure) runs {@code onGone}; bytes (a client may not send anything while
 * an event stream runs, whose response says {@code Connection: close}) are discarded. Runs on
 * Jetty's selector, never blocks. HTTP/2 and HTTP/3 streams share their connection and are left to
 * Jetty (a reset stream fails the request).
 */
final class DisconnectWatch implements Callback {
  private final EndPoint endPoint;
  private final Runnable onGone;
  private boolean stopped;

  private DisconnectWatch(EndPoint endPoint, Runnable onGone) {
    this.endPoint = endPoint;
    this.onGone = onGone;
  }

  /** Watches the connection of {@code request}; null if it cannot be watched (not HTTP/1). */
  static DisconnectWatch start(Request request, Runnable onGone) {
    EndPoint endPoint = endPoint(request);
    if (endPoint == null) {
      return null;
    }
    DisconnectWatch watch = new DisconnectWatch(endPoint, onGone);
    watch.arm();
    return watch;
  }

  /** Closes the connection of {@code request} (HTTP/1 only), failing a write in flight. */
  static void abort(Request request) {
    EndPoint endPoint = endPoint(request);
    if (endPoint != null) {
      endPoint.close(new IOException("event stream cancelled"));
    }
  }

  private static EndPoint endPoint(Request request) {
    HttpVersion version = request.getConnectionMetaData().getHttpVersion();
    if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
      return null;
    }
    return request.getConnectionMetaData().getConnection().getEndPoint();
  }

  /** Stops watching, withdrawing the read interest so Jetty can finish the response normally. */
  synchronized void stop() {
    stopped = true;
    if (endPoint.isFillInterested() && endPoint instanceof AbstractEndPoint e) {
      e.getFillInterest().onFail(new IOException("event stream ended"));
    }
  }

  private synchronized void arm() {
    if (!stopped) {
      endPoint.tryFillInterested(this); // false: Jetty reads itself; a failed write is noticed
    }
  }

  @Override
  public void succeeded() {
    ByteBuffer buffer = BufferUtil.allocate(256);
    try {
      int n;
      while ((n = endPoint.fill(buffer)) > 0) {
        BufferUtil.clear(buffer);
      }
      if (n < 0) {
        gone();
        return;
      }
    } catch (IOException e) {
      gone();
      return;
    }
    arm();
  }

  @Override
  public void failed(Throwable cause) {
    gone();
  }

  private void gone() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    onGone.run();
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }
}
