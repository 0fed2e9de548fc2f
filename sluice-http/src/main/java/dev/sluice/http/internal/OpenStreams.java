package dev.sluice.http.internal;

import dev.sluice.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event streams a server is serving: they share one heartbeat timer, and closing the server
 * cancels and awaits them all. Thread-safe.
 */
public final class OpenStreams {
  private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
  private final Heartbeats heartbeats;
  private final AtomicInteger serving = new AtomicInteger();
  private boolean closed;

  /** Streams that get a heartbeat every {@code heartbeat} on {@code clock}. */
  public OpenStreams(Duration heartbeat, Clock clock) {
    this.heartbeats = new Heartbeats(heartbeat, clock, open);
  }

  /** Registers a new stream; cancelled at once if the server is closing. */
  public void open(EventStream stream) {
    synchronized (this) {
      serving.incrementAndGet();
      open.add(stream);
      if (closed) {
        stream.cancel();
      }
    }
    heartbeats.added();
  }

  /**
   * Marks a stream ended; the last one also stops the heartbeat timer before it counts as ended.
   */
  public void ended(EventStream stream) {
    open.remove(stream);
    heartbeats.removed();
    synchronized (this) {
      serving.decrementAndGet();
      notifyAll();
    }
  }

  /** The number of streams being served. */
  public int count() {
    return serving.get();
  }

  /** Cancels every stream and waits until all ended. */
  public synchronized void closeAndAwait() throws InterruptedException {
    closed = true;
    open.forEach(EventStream::cancel);
    while (serving.get() > 0) {
      wait();
    }
  }
}
