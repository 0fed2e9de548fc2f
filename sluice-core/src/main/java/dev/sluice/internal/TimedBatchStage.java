package dev.sluice.internal;

import dev.sluice.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code batch(size, maxWait)}: lists of {@code size} elements, or fewer when {@code maxWait} has
 * passed since the first element of the list arrived, and the rest at the end of the input.
 *
 * <p>The upstream runs on a virtual thread that fills the current list; the calling thread waits
 * for it to fill or for its deadline (on the pipe's {@link Clock}) and pushes it downstream. A full
 * list that downstream has not taken blocks the upstream, so at most {@code size} elements are
 * held: nothing is dropped, nothing overflows. On an upstream failure the open list, full or
 * partial, still goes downstream (as with {@code batch(size)}), then the failure is thrown.
 */
public final class TimedBatchStage<T> extends Operator<T, List<T>> {
  private final int size;
  private final long maxWaitNanos;
  private final Clock clock;

  public TimedBatchStage(Source<T> upstream, int size, long maxWaitNanos) {
    super(upstream, "batch");
    this.size = size;
    this.maxWaitNanos = maxWaitNanos;
    this.clock = ClockStage.of(upstream);
  }

  @Override
  public void run(Downstream<? super List<T>> downstream) throws Exception {
    Downstream<? super List<T>> down = Metering.wrap(this, downstream);
    new Run(down).run();
  }

  @Override
  public long knownSize() {
    long n = upstream.knownSize();
    return n == 0 ? 0 : -1;
  }

  private final class Run {
    private final Downstream<? super List<T>> down;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taken = lock.newCondition();
    private List<T> batch = newBatch();
    private long firstAt;
    private final Feeder<T> feeder = new Feeder<>(upstream, lock);

    Run(Downstream<? super List<T>> down) {
      this.down = down;
    }

    void run() throws Exception {
      feeder.start(describe() + " input", this::add);
      try {
        consume();
      } finally {
        lock.lock();
        try {
          feeder.stop();
          taken.signalAll();
        } finally {
          lock.unlock();
        }
        feeder.join();
      }
    }

    private boolean add(T item) {
      boolean wake;
      lock.lock();
      try {
        while (!feeder.stopping && batch.size() >= size) {
          taken.awaitUninterruptibly();
        }
        if (feeder.stopping) {
          return false;
        }
        batch.add(item);
        if (batch.size() == 1) {
          firstAt = clock.nanoTime();
        }
        wake = batch.size() == 1 || batch.size() == size;
      } finally {
        lock.unlock();
      }
      if (wake) {
        feeder.wake();
      }
      return true;
    }

    private void consume() throws Exception {
      while (true) {
        List<T> out = null;
        long wait = -1;
        lock.lock();
        try {
          if (batch.size() >= size || isDue()) {
            out = batch;
            batch = newBatch();
            taken.signal();
          } else if (feeder.failure != null) {
            throw Failures.sneaky(feeder.failure);
          } else if (feeder.done) {
            return;
          } else if (!batch.isEmpty()) {
            wait = Math.max(1, firstAt + maxWaitNanos - clock.nanoTime());
          }
        } finally {
          lock.unlock();
        }
        if (out != null) {
          if (!down.push(out)) {
            return;
          }
          continue;
        }
        feeder.await(clock, wait);
      }
    }

    /** A partial list that must go now: its time is up, or the input ended. Under the lock. */
    private boolean isDue() {
      if (batch.isEmpty()) {
        return false;
      }
      if (feeder.done) {
        return true;
      }
      return clock.nanoTime() - (firstAt + maxWaitNanos) >= 0;
    }
  }

  private List<T> newBatch() {
    return new ArrayList<>(Math.min(size, 1024));
  }
}
