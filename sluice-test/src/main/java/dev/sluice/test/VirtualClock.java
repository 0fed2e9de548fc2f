package dev.sluice.test;

import dev.sluice.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link Clock} that moves only when a test calls {@link #advance(Duration)}: timed stages built
 * after {@code pipe.withClock(clock)} then run without sleeping and without racing real time.
 * Threads parked on it wake when the time they wait for is reached (or when unparked, as with any
 * park). {@link #awaitParked(int)} lets a test wait until the stage under test is waiting on the
 * clock before it advances it.
 *
 * <pre>{@code
 * VirtualClock clock = new VirtualClock();
 * // run the pipe on another thread, then:
 * clock.awaitParked(1);
 * clock.advance(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Thread-safe. Starts at 0 nanoseconds.
 */
public final class VirtualClock implements Clock {
  private final List<Parked> parked = new ArrayList<>();

  /** The time each thread last read, for {@link #parkNanos}. */
  private final ThreadLocal<Long> lastRead = new ThreadLocal<>();

  private long now;

  private record Parked(Thread thread, long until) {}

  /** A clock at time 0. */
  public VirtualClock() {}

  @Override
  public synchronized long nanoTime() {
    lastRead.set(now);
    return now;
  }

  @Override
  public void parkNanos(long nanos) {
    if (nanos <= 0) {
      return;
    }
    Parked me;
    synchronized (this) {
      // measured from the time this thread last read: a thread that reads the time, works out a
      // wait and parks means "until then", also when a test advanced the clock in between
      Long read = lastRead.get();
      lastRead.remove();
      long until = (read != null ? read : now) + nanos;
      if (until - now <= 0) {
        return; // that time has passed: a spurious wake-up, which every caller must allow for
      }
      me = new Parked(Thread.currentThread(), until);
      parked.add(me);
      notifyAll();
    }
    try {
      LockSupport.park(this);
    } finally {
      synchronized (this) {
        parked.remove(me);
      }
    }
  }

  /** Moves the time forward by {@code duration} and wakes the threads whose wait is over. */
  public void advance(Duration duration) {
    List<Thread> wake = new ArrayList<>();
    synchronized (this) {
      now += duration.toNanos();
      for (var it = parked.iterator(); it.hasNext(); ) {
        Parked p = it.next();
        if (p.until() - now <= 0) {
          wake.add(p.thread());
          it.remove();
        }
      }
    }
    wake.forEach(LockSupport::unpark);
  }

  /** How many threads are parked on this clock now, their time not yet reached. */
  public synchronized int parked() {
    return parked.size();
  }

  /**
   * Waits (in real time, at most 10 seconds) until at least {@code count} threads are parked on
   * this clock.
   *
   * @throws AssertionError if they do not park in time
   */
  public synchronized void awaitParked(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (parked.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(parked.size() + " thread(s) parked on the clock, not " + count);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public synchronized String toString() {
    return "VirtualClock[" + Duration.ofNanos(now) + ", " + parked.size() + " parked]";
  }
}
