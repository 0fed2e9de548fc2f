package dev.sluice.internal;

import dev.sluice.Clock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The input side of a stage that runs its upstream on a virtual thread of its own (the feeder) and
 * consumes on the calling thread: {@code mapConcurrent} and {@code batch(size, maxWait)}. The
 * stage's lock guards the feeder's state too, so one lock orders both sides: {@link #done}, {@link
 * #failure} and {@link #stopping} are read and written under it.
 *
 * <p>When the upstream ends, the feeder records how (unless the stage is stopping, when the end is
 * only the echo of its interrupt) and wakes the consumer. {@link #stop()} marks the stage as
 * stopping and interrupts a feeder still running; {@link #join()} then waits for it, so no thread
 * of the run outlives it.
 */
final class Feeder<T> {
  private final Source<T> upstream;
  private final ReentrantLock lock;
  private final Thread consumer = Thread.currentThread();
  private Thread thread;

  /** Under the lock: the upstream has ended. */
  boolean done;

  /** Under the lock: the upstream's failure, if it failed while the stage was not stopping. */
  Throwable failure;

  /** Under the lock: the stage is ending (early stop, failure or interrupt downstream). */
  boolean stopping;

  /** A feeder for {@code upstream}, created on the consumer's thread; shares {@code lock}. */
  Feeder(Source<T> upstream, ReentrantLock lock) {
    this.upstream = upstream;
    this.lock = lock;
  }

  /** Starts the feeder thread, running the upstream into {@code into}. */
  void start(String name, Downstream<T> into) {
    thread = Threads.start(name, () -> feed(into));
  }

  private void feed(Downstream<T> into) {
    Throwable thrown = null;
    try {
      upstream.run(into);
    } catch (Throwable t) {
      thrown = t;
    }
    lock.lock();
    try {
      done = true;
      if (!stopping) {
        failure = thrown;
      }
    } finally {
      lock.unlock();
    }
    wake();
  }

  /** Under the lock: the stage is ending; interrupts the feeder if it is still running. */
  void stop() {
    stopping = true;
    if (!done) {
      thread.interrupt();
    }
  }

  /** Wakes the consumer: something it waits for has happened. */
  void wake() {
    LockSupport.unpark(consumer);
  }

  /**
   * Consumer, not under the lock: waits until {@link #wake()}d, or for at most {@code nanos} on
   * {@code clock} ({@code nanos < 0}: no limit); an interrupt cancels the run ({@link
   * CancelSignal}).
   */
  void await(Clock clock, long nanos) {
    if (nanos < 0) {
      LockSupport.park(this);
    } else {
      clock.parkNanos(nanos);
    }
    CancelSignal.checkInterrupt();
  }

  /** Not under the lock: waits until the feeder thread has ended. */
  void join() {
    Threads.joinUninterruptibly(thread);
  }
}
