package dev.sluice;

import dev.sluice.internal.SystemClock;
import java.time.Duration;

/**
 * The time source of every timer in Sluice: batch deadlines, timeouts, throttling, retry backoff
 * and progress reports all read one {@code Clock} and wait through it, so a test can run them on a
 * virtual clock ({@code dev.sluice.test.VirtualClock}) without sleeping.
 *
 * <p>A pipe uses {@link #system()} unless {@link Pipe#withClock(Clock)} set another for the stages
 * added after it. Implementations are thread-safe.
 *
 * <pre>{@code
 * VirtualClock clock = new VirtualClock();
 * Pipe<List<Event>> batches = events.withClock(clock).batch(100, Duration.ofSeconds(1));
 * }</pre>
 */
public interface Clock {
  /** The current time in nanoseconds from an arbitrary origin; only differences mean anything. */
  long nanoTime();

  /**
   * Parks the current thread until the clock has advanced by {@code nanos}, it is unparked ({@link
   * java.util.concurrent.locks.LockSupport#unpark}) or interrupted, or spuriously: callers re-check
   * their condition in a loop. Returns at once for {@code nanos <= 0}.
   */
  void parkNanos(long nanos);

  /**
   * Waits until the clock has advanced by {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted meanwhile (the status is cleared)
   */
  default void sleep(Duration duration) throws InterruptedException {
    long deadline = nanoTime() + duration.toNanos();
    for (long left = duration.toNanos(); left > 0; left = deadline - nanoTime()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      parkNanos(left);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  /** The JVM's clock: {@link System#nanoTime()} and {@code LockSupport.parkNanos}. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
