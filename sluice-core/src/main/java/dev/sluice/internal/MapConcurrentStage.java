package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Clock;
import dev.sluice.MapConcurrency;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code mapConcurrent} and {@code mapConcurrentUnordered}: each element's call runs on its own
 * virtual thread; the upstream runs on one more (the feeder) and results are pushed downstream on
 * the calling thread, in input order or in completion order.
 *
 * <p>Capacity: at most {@code concurrency} calls run at once. Unordered, a finished result keeps
 * its slot until downstream took it; ordered, at most {@code window} elements are held from the
 * oldest undelivered one on. The feeder waits for room, so upstream is never more than that ahead.
 *
 * <p>Fail fast: the first failure of a call (or a call timeout) is thrown as soon as the calling
 * thread sees it, before results of slower earlier calls; the calls in flight and the feeder are
 * interrupted and joined first. An early stop downstream does the same quietly. A failure of the
 * upstream comes after the elements before it, like the end of the input.
 */
public final class MapConcurrentStage<T, R> extends Operator<T, R> {
  private final CheckedFunction<? super T, ? extends R> fn;
  private final MapConcurrency settings;
  private final boolean ordered;
  private final Clock clock;

  public MapConcurrentStage(
      Source<T> upstream,
      MapConcurrency settings,
      boolean ordered,
      CheckedFunction<? super T, ? extends R> fn) {
    super(upstream, ordered ? "mapConcurrent" : "mapConcurrentUnordered");
    this.fn = fn;
    this.settings = settings;
    this.ordered = ordered;
    this.clock = ClockStage.of(upstream);
  }

  @Override
  public void run(Downstream<? super R> downstream) throws Exception {
    Downstream<? super R> down = Metering.wrap(this, downstream);
    new Run(down).run();
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }

  private final class Call {
    final T item;
    final long index;
    final long startedAt;
    Thread thread;
    boolean done;
    R result;

    Call(T item, long index, long startedAt) {
      this.item = item;
      this.index = index;
      this.startedAt = startedAt;
    }
  }

  private final class Run {
    private final Downstream<? super R> down;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Call> calls = new ArrayDeque<>();
    private int inFlight;
    private long submitted;
    private final Feeder<T> feeder = new Feeder<>(upstream, lock);
    private Throwable failure;

    Run(Downstream<? super R> down) {
      this.down = down;
    }

    void run() throws Exception {
      feeder.start(describe() + " input", this::submit);
      try {
        consume();
      } finally {
        shutdown();
      }
    }

    private boolean submit(T item) {
      lock.lock();
      try {
        while (!feeder.stopping && failure == null && !hasRoom()) {
          room.awaitUninterruptibly();
        }
        if (feeder.stopping || failure != null) {
          return false;
        }
        Call call = new Call(item, submitted++, clock.nanoTime());
        call.thread = Threads.start(describe() + " call", () -> call(call));
        calls.add(call);
        inFlight++;
        return true;
      } finally {
        lock.unlock();
      }
    }

    private boolean hasRoom() {
      return ordered
          ? inFlight < settings.concurrency() && calls.size() < settings.window()
          : calls.size() < settings.concurrency();
    }

    private void call(Call call) {
      R result = null;
      Throwable thrown = null;
      try {
        result = fn.apply(call.item);
      } catch (Throwable t) {
        thrown = t;
      }
      lock.lock();
      try {
        call.done = true;
        call.result = result;
        inFlight--;
        if (thrown != null && failure == null && !feeder.stopping) {
          failure = thrown;
        }
        room.signal();
      } finally {
        lock.unlock();
      }
      feeder.wake();
    }

    private void consume() throws Exception {
      while (true) {
        Call next;
        long wait;
        lock.lock();
        try {
          if (failure != null) {
            throw Failures.at(failure, describe());
          }
          if (feeder.done && calls.isEmpty() && feeder.failure != null) {
            throw Failures.sneaky(feeder.failure);
          }
          next = ready();
          if (next != null) {
            calls.remove(next);
            room.signal();
          } else if (feeder.done && calls.isEmpty()) {
            return;
          }
          wait = next == null ? untilOverdue() : 0;
        } finally {
          lock.unlock();
        }
        if (next != null) {
          Threads.joinUninterruptibly(next.thread);
          if (!down.push(next.result)) {
            return;
          }
          continue;
        }
        feeder.await(clock, wait);
      }
    }

    /** The call whose result goes downstream next, if it is done. Under the lock. */
    private Call ready() {
      if (ordered) {
        Call head = calls.peekFirst();
        return head != null && head.done ? head : null;
      }
      for (Call call : calls) {
        if (call.done) {
          return call;
        }
      }
      return null;
    }

    /**
     * Nanoseconds until the oldest running call is overdue, -1 without a call timeout or a running
     * call; records the timeout failure when one is overdue (then returns 0). Under the lock.
     */
    private long untilOverdue() {
      if (settings.callTimeout() == null) {
        return -1;
      }
      for (Call call : calls) {
        if (!call.done) {
          long left = call.startedAt + settings.callTimeout().toNanos() - clock.nanoTime();
          if (left <= 0) {
            failure =
                new TimeoutException(
                    "the call on element "
                        + call.index
                        + " took longer than callTimeout "
                        + settings.callTimeout());
            return 0;
          }
          return left;
        }
      }
      return -1;
    }

    private void shutdown() {
      lock.lock();
      try {
        feeder.stop();
        for (Call call : calls) {
          if (!call.done) {
            call.thread.interrupt();
          }
        }
        room.signalAll();
      } finally {
        lock.unlock();
      }
      feeder.join();
      for (Call call : calls) {
        Threads.joinUninterruptibly(call.thread);
      }
    }
  }
}
