package dev.sluice.http.internal;

import dev.sluice.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event streams a server is serving: they share one heartbeat timer, and closing the server
 * cancels and awaits them all. Thread-safe.
 */
public final class OpenStreams {
  private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
  private final Heartbeats heartbeats;
  private boolean closed;

  /** Streams that get a heartbeat every {@code heartbeat} on {@code clock}. */
  public OpenStreams(Duration heartbeat, Clock clock) {
    this.heartbeats = new Heartbeats(heartbeat, clock);
  }

  /** Registers a new stream; cancelled at once if the server is closing. */
  public void open(EventStream stream) {
    synchronized (this) {
      open.add(stream);
      if (closed) {
        stream.cancel();
      }
    }
    heartbeats.add(stream);
  }

  /** Marks a stream ended (its heartbeats stop first). */
  public void ended(EventStream stream) {
    heartbeats.remove(stream);
    synchronized (this) {
      open.remove(stream);
      notifyAll();
    }
  }

  /** The number of streams being served. */
  public int count() {
    return open.size();
  }

  /** Cancels every stream and waits until all ended. */
  public synchronized void closeAndAwait() throws InterruptedException {
    closed = true;
    open.forEach(EventStream::cancel);
    while (!open.isEmpty()) {
      wait();
    }
  }
}
