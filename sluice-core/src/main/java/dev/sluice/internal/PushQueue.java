package dev.sluice.internal;

import dev.sluice.Overflow;
import dev.sluice.PipeException;
import dev.sluice.PushFeed;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of one push-feed run: producers {@link #offer} from any thread by the overflow
 * policy, the run's thread {@link #take}s. Thread-safe.
 */
final class PushQueue<T> implements PushFeed<T> {
  private final int capacity;
  private final Overflow overflow;
  private final String name;
  private final Thread consumer;
  private final ArrayDeque<T> queue;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private boolean completed;
  private boolean closed;
  private Throwable failure;
  private long dropped;

  PushQueue(int capacity, Overflow overflow, String name, Thread consumer) {
    this.capacity = capacity;
    this.overflow = overflow;
    this.name = name;
    this.consumer = consumer;
    this.queue = new ArrayDeque<>(Math.min(capacity, 64));
  }

  @Override
  public boolean offer(T element) {
    Checks.notNull(element, "element");
    lock.lock();
    try {
      while (!closed && !completed && failure == null && queue.size() >= capacity) {
        switch (overflow) {
          case BLOCK -> {
            if (Thread.currentThread() == consumer) {
              throw new IllegalStateException(
                  name + ": a BLOCK feed offered on the run's own thread would wait for itself");
            }
            try {
              notFull.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          }
          case DROP_OLDEST -> {
            queue.pollFirst();
            dropped++;
          }
          case DROP_NEWEST -> {
            dropped++;
            return true;
          }
          case FAIL -> {
            failure =
                new PipeException(
                    name
                        + ": the consumer fell behind, "
                        + capacity
                        + " elements queued (capacity); raise the capacity or choose an overflow"
                        + " policy that waits or drops");
            notEmpty.signal();
            return false;
          }
        }
      }
      if (closed || completed || failure != null) {
        return false;
      }
      queue.addLast(element);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void complete() {
    lock.lock();
    try {
      completed = true;
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void fail(Throwable failure) {
    Checks.notNull(failure, "failure");
    lock.lock();
    try {
      if (this.failure == null && !closed) {
        this.failure = failure;
      }
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next element, waiting for one; null when the feed completed and is empty. The elements
   * queued before a failure come first (ADR 0005), then the failure is thrown.
   */
  T take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !completed && failure == null) {
        notEmpty.await();
      }
      T item = queue.pollFirst();
      if (item != null) {
        notFull.signal();
        return item;
      }
      if (failure != null) {
        throw Failures.sneaky(failure);
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** The elements dropped so far. */
  long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** The run ended: later offers return false, waiting producers wake, queued elements go. */
  void close() {
    lock.lock();
    try {
      closed = true;
      queue.clear();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
