package dev.sluice.http.internal;

import dev.sluice.Pipe;
import dev.sluice.http.ServerSentEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * One client's event stream: runs a pipe of events on the handler's (virtual) thread and writes
 * them to the Jetty response as {@code text/event-stream} without a thread of its own. Encoded
 * events wait in a buffer of at most {@code clientBuffer} events, which Jetty's asynchronous writes
 * drain; when it is full the pipe waits (a slow client slows its own pipe, nothing is dropped).
 * Heartbeats ({@link #heartbeat()}, from the server's shared timer) are added only when nothing is
 * waiting or being written.
 *
 * <p>{@link #cancel()} (a client that left, a failed write, the server closing) interrupts the
 * pipe's thread, which ends the run and closes what it opened. Thread-safe; {@link #serve} is
 * called once.
 */
public final class EventStream {
  private final Request request;
  private final Response response;
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<byte[]> waiting;
  private final Flusher flusher = new Flusher();
  private Thread runner;
  private boolean started;
  private boolean cancelled;
  private boolean closed;
  private boolean writing;
  private Throwable failure;

  /** A stream to {@code response} holding at most {@code clientBuffer} events for the client. */
  public EventStream(Request request, Response response, int clientBuffer) {
    this.request = request;
    this.response = response;
    this.capacity = clientBuffer;
    this.waiting = new ArrayDeque<>(Math.min(clientBuffer, 4));
  }

  /**
   * Starts the response and writes {@code events} until they end, fail or the stream is cancelled;
   * returns when all was written (or throws), with no heartbeat in flight and none to come.
   */
  public void serve(Pipe<ServerSentEvent> events) throws Exception {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.getHeaders().put("X-Accel-Buffering", "no");
    lock.lock();
    try {
      runner = Thread.currentThread();
      started = true;
      if (cancelled) {
        runner.interrupt();
      }
    } finally {
      lock.unlock();
    }
    DisconnectWatch watch = null;
    try {
      request.addFailureListener(failure -> cancel());
      send(SseWire.HEARTBEAT);
      watch = DisconnectWatch.start(request, this::cancel);
      events.forEach(event -> send(SseWire.encode(event)));
      awaitWritten(false);
    } finally {
      boolean abort;
      lock.lock();
      try {
        closed = true;
        runner = null;
        abort = cancelled && writing;
      } finally {
        lock.unlock();
      }
      Thread.interrupted(); // a cancel that came as the run ended: not for Jetty's thread
      if (watch != null) {
        watch.stop();
      }
      if (abort) {
        DisconnectWatch.abort(request); // a cancelled stream does not wait for a stalled client
      }
      awaitWritten(true);
    }
  }

  /** Cancels the stream: its run is interrupted (now, or at once when it starts). */
  public void cancel() {
    boolean abort;
    lock.lock();
    try {
      cancelled = true;
      if (runner != null) {
        runner.interrupt();
      }
      abort = closed && writing;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (abort) {
      DisconnectWatch.abort(request);
    }
  }

  /** Queues a heartbeat unless the stream is writing, holds events, or ended. */
  void heartbeat() {
    lock.lock();
    try {
      if (!started || closed || failure != null || writing || !waiting.isEmpty()) {
        return;
      }
      waiting.add(SseWire.HEARTBEAT);
    } finally {
      lock.unlock();
    }
    flusher.iterate();
  }

  private void send(byte[] bytes) throws InterruptedException, IOException {
    lock.lock();
    try {
      while (waiting.size() >= capacity && failure == null) {
        changed.await();
      }
      failIfFailed();
      waiting.add(bytes);
    } finally {
      lock.unlock();
    }
    flusher.iterate();
  }

  private void awaitWritten(boolean uninterruptibly) throws InterruptedException, IOException {
    lock.lock();
    try {
      while ((writing || !waiting.isEmpty()) && failure == null) {
        if (uninterruptibly) {
          changed.awaitUninterruptibly();
        } else {
          changed.await();
        }
      }
      if (!uninterruptibly) {
        failIfFailed();
      }
    } finally {
      lock.unlock();
    }
  }

  private void failIfFailed() throws IOException {
    if (failure != null) {
      throw new IOException("writing to the client failed: " + failure, failure);
    }
  }

  /** Drains the buffer with Jetty's asynchronous writes, several waiting events per write. */
  private final class Flusher extends IteratingCallback {
    @Override
    protected Action process() {
      ByteBuffer buffer;
      lock.lock();
      try {
        if (waiting.isEmpty() || failure != null) {
          writing = false;
          changed.signalAll();
          return Action.IDLE;
        }
        buffer = take();
        writing = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      response.write(false, buffer, this);
      return Action.SCHEDULED;
    }

    private ByteBuffer take() {
      if (waiting.size() == 1) {
        return ByteBuffer.wrap(waiting.poll());
      }
      int size = 0;
      for (byte[] bytes : waiting) {
        size += bytes.length;
      }
      ByteBuffer joined = ByteBuffer.allocate(size);
      for (byte[] bytes; (bytes = waiting.poll()) != null; ) {
        joined.put(bytes);
      }
      return joined.flip();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
      lock.lock();
      try {
        failure = cause;
        writing = false;
        waiting.clear();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      cancel();
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }
  }
}
