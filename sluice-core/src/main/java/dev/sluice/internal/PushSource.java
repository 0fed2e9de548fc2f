package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Overflow;
import dev.sluice.PushFeed;

/**
 * {@code Pipe.push}: each run makes a bounded queue ({@link PushQueue}), registers it with the
 * callback API through {@code register}, and hands its elements downstream on the run's thread; the
 * registration is closed on every way out (end, early stop, failure, cancellation), after the queue
 * stopped taking offers. Dropped elements are counted in the run's progress.
 */
public final class PushSource<T> extends Source<T> {
  private final int capacity;
  private final Overflow overflow;
  private final CheckedFunction<? super PushFeed<T>, ? extends AutoCloseable> register;

  public PushSource(
      int capacity,
      Overflow overflow,
      CheckedFunction<? super PushFeed<T>, ? extends AutoCloseable> register) {
    super("push");
    this.capacity = capacity;
    this.overflow = overflow;
    this.register = register;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    RunMeter meter = Metering.current();
    PushQueue<T> queue = new PushQueue<>(capacity, overflow, describe(), Thread.currentThread());
    AutoCloseable registration;
    try {
      registration = register.apply(queue);
    } catch (Throwable t) {
      queue.close();
      throw t;
    }
    Throwable failure = null;
    long reported = 0;
    try {
      for (T item; (item = queue.take()) != null; ) {
        reported = report(meter, queue, reported);
        if (!down.push(item)) {
          break;
        }
      }
      report(meter, queue, reported);
    } catch (Throwable t) {
      failure = t;
      throw t;
    } finally {
      queue.close();
      if (failure == null) {
        registration.close();
      } else {
        try {
          registration.close();
        } catch (Throwable c) {
          failure.addSuppressed(c);
        }
      }
    }
  }

  private static long report(RunMeter meter, PushQueue<?> queue, long reported) {
    long dropped = queue.dropped();
    if (meter != null && dropped > reported) {
      meter.dropped(dropped - reported);
    }
    return dropped;
  }
}
