package dev.sluice.http.internal;

import dev.sluice.Clock;
import dev.sluice.internal.Threads;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One heartbeat timer for all event streams of a server: a single thread (started through core's
 * {@link Threads}, so {@code Diagnostics.liveThreads()} counts it) that, every interval on the
 * clock, asks each stream for a heartbeat; a stream busy writing skips it. The thread runs only
 * while a stream is registered: removing the last stream interrupts and joins it. Thread-safe.
 */
final class Heartbeats {
  private final Duration interval;
  private final Clock clock;
  private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
  private volatile Thread timer;

  Heartbeats(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /** Starts sending heartbeats to {@code stream}, starting the timer if it is not running. */
  synchronized void add(EventStream stream) {
    streams.add(stream);
    if (timer == null) {
      timer = Threads.start("sse-heartbeat", this::beat);
    }
  }

  /** Stops the heartbeats of {@code stream}; the last one stops the timer and waits for it. */
  void remove(EventStream stream) {
    Thread stopped = null;
    synchronized (this) {
      streams.remove(stream);
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
