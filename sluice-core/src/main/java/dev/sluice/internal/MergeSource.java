package dev.sluice.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code merge(pipes)}: runs each pipe on its own virtual thread into one queue of at most {@code
 * capacity} elements and pushes them downstream on the calling thread in the order they arrived.
 * The first failure of any input ends the run at once (the other inputs interrupted and joined); an
 * early stop downstream stops them all.
 */
public final class MergeSource<T> extends Source<T> {
  private final List<Source<? extends T>> sources;
  private final int capacity;

  public MergeSource(List<Source<? extends T>> sources, int capacity) {
    super("merge");
    this.sources = sources;
    this.capacity = capacity;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    new Run(down).run();
  }

  private final class Run {
    private final Downstream<? super T> down;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private int active = sources.size();
    private boolean stopping;
    private Throwable failure;

    Run(Downstream<? super T> down) {
      this.down = down;
    }

    void run() throws Exception {
      List<Thread> threads = new ArrayList<>();
      try {
        for (Source<? extends T> source : sources) {
          threads.add(Threads.start(describe() + " input", () -> feed(source)));
        }
        consume();
      } finally {
        lock.lock();
        try {
          stopping = true;
          notFull.signalAll();
        } finally {
          lock.unlock();
        }
        for (Thread t : threads) {
          t.interrupt();
        }
        for (Thread t : threads) {
          Threads.joinUninterruptibly(t);
        }
      }
    }

    private void feed(Source<? extends T> source) {
      Throwable thrown = null;
      try {
        source.run(this::put);
      } catch (Throwable t) {
        thrown = t;
      }
      lock.lock();
      try {
        active--;
        if (thrown != null && failure == null && !stopping) {
          failure = thrown;
        }
        notEmpty.signal();
      } finally {
        lock.unlock();
      }
    }

    private boolean put(T item) {
      lock.lock();
      try {
        while (!stopping && failure == null && queue.size() >= capacity) {
          notFull.awaitUninterruptibly();
        }
        if (stopping || failure != null) {
          return false;
        }
        queue.add(item);
        notEmpty.signal();
        return true;
      } finally {
        lock.unlock();
      }
    }

    private void consume() throws Exception {
      while (true) {
        T item;
        lock.lock();
        try {
          while (queue.isEmpty() && failure == null && active > 0) {
            try {
              notEmpty.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw CancelSignal.INSTANCE;
            }
          }
          if (queue.isEmpty()) {
            if (failure != null) {
              throw Failures.sneaky(failure);
            }
            return;
          }
          item = queue.poll();
          notFull.signal();
        } finally {
          lock.unlock();
        }
        if (!down.push(item)) {
          return;
        }
      }
    }
  }
}
