package dev.sluice.http.internal;

import dev.sluice.Cancellation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The event streams a server is serving, so closing the server cancels and awaits them all. */
public final class OpenStreams {
  private final Set<Cancellation> open = ConcurrentHashMap.newKeySet();
  private boolean closed;

  /** Registers a new stream's cancellation; cancelled at once if the server is closing. */
  public synchronized Cancellation open() {
    Cancellation cancellation = new Cancellation();
    open.add(cancellation);
    if (closed) {
      cancellation.cancel();
    }
    return cancellation;
  }

  /** Marks a stream ended. */
  public synchronized void ended(Cancellation cancellation) {
    open.remove(cancellation);
    notifyAll();
  }

  /** The number of streams being served. */
  public int count() {
    return open.size();
  }

  /** Cancels every stream and waits until all ended. */
  public synchronized void closeAndAwait() throws InterruptedException {
    closed = true;
    open.forEach(Cancellation::cancel);
    while (!open.isEmpty()) {
      wait();
    }
  }
}
