package dev.sluice.http.internal;

import dev.sluice.Clock;
import dev.sluice.internal.Threads;
import java.time.Duration;
import java.util.Set;

/**
 * One heartbeat timer for all event streams of a server: a single thread (started through core's
 * {@link Threads}, so {@code Diagnostics.liveThreads()} counts it) that, every interval on the
 * clock, asks each stream of a live set (the server's open streams) for a heartbeat; a stream busy
 * writing skips it. The thread runs only while the set is not empty: the owner calls {@link
 * #added()} after adding a stream and {@link #removed()} after removing one, which stops and joins
 * the thread once the set is empty. Thread-safe.
 */
final class Heartbeats {
  private final Duration interval;
  private final Clock clock;
  private final Set<EventStream> streams;
  private volatile Thread timer;

  Heartbeats(Duration interval, Clock clock, Set<EventStream> streams) {
    this.interval = interval;
    this.clock = clock;
    this.streams = streams;
  }

  /** A stream was added to the set: starts the timer if it is not running. */
  synchronized void added() {
    if (timer == null) {
      timer = Threads.start("sse-heartbeat", this::beat);
    }
  }

  /** A stream was removed from the set: if it is empty, stops the timer and waits for it. */
  void removed() {
    Thread stopped = null;
    synchronized (this) {
      if (streams.isEmpty() && timer != null) {
        stopped = timer;
        timer = null;
      }
    }
    if (stopped != null) {
      stopped.interrupt();
      Threads.joinUninterruptibly(stopped);
    }
  }

  private void beat() {
    try {
      while (true) {
        clock.sleep(interval);
        if (timer != Thread.currentThread()) {
          return; // replaced: a newer timer serves the streams
        }
        for (EventStream stream : streams) {
          stream.heartbeat();
        }
      }
    } catch (InterruptedException e) {
      // the last stream was removed: this timer ends
    }
  }
}
