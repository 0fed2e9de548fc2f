package dev.sluice.internal;

import dev.sluice.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The shape shared by {@code conflate}, {@code debounce} and {@code sample}: the upstream runs on a
 * virtual thread (a {@link Feeder}) that never waits for downstream: each element replaces the one
 * held, if any. The calling thread passes the held element on when {@link #delay} says it is due,
 * reading the pipe's {@link Clock}. So at most one element is held, and elements the consumer had
 * no time for are dropped: these operators are for values where only the latest matters (a gauge, a
 * search box, a position). When the upstream ends, by its end or by a failure, the held element is
 * passed on, then the failure is thrown.
 */
abstract class LatestStage<T> extends Operator<T, T> {
  final Clock clock;

  LatestStage(Source<T> upstream, String name) {
    super(upstream, name);
    this.clock = ClockStage.of(upstream);
  }

  /**
   * How long the held element, which arrived at {@code arrivedAt}, must wait from {@code now}; 0 or
   * less: it is due. {@code start} is when the run started.
   */
  abstract long delay(long now, long arrivedAt, long start);

  @Override
  public final void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    new Run(down).run();
  }

  private final class Run {
    private final Downstream<? super T> down;
    private final ReentrantLock lock = new ReentrantLock();
    private final Feeder<T> feeder = new Feeder<>(upstream, lock);
    private final long start = clock.nanoTime();
    private T held;
    private boolean holding;
    private long arrivedAt;

    Run(Downstream<? super T> down) {
      this.down = down;
    }

    void run() throws Exception {
      feeder.start(describe() + " input", this::hold);
      try {
        consume();
      } finally {
        lock.lock();
        try {
          feeder.stop();
        } finally {
          lock.unlock();
        }
        feeder.join();
      }
    }

    private boolean hold(T item) {
      lock.lock();
      try {
        if (feeder.stopping) {
          return false;
        }
        held = item;
        holding = true;
        arrivedAt = clock.nanoTime();
      } finally {
        lock.unlock();
      }
      feeder.wake();
      return true;
    }

    private void consume() throws Exception {
      while (true) {
        T out = null;
        boolean send = false;
        long wait = -1;
        lock.lock();
        try {
          long due = holding ? delay(clock.nanoTime(), arrivedAt, start) : -1;
          if (holding && (feeder.done || due <= 0)) {
            out = held;
            held = null;
            holding = false;
            send = true;
          } else if (feeder.done) {
            if (feeder.failure != null) {
              throw Failures.sneaky(feeder.failure);
            }
            return;
          } else if (holding) {
            wait = due;
          }
        } finally {
          lock.unlock();
        }
        if (send) {
          if (!down.push(out)) {
            return;
          }
          continue;
        }
        feeder.await(clock, wait);
      }
    }
  }
}
