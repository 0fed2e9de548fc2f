package dev.sluice.internal;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code Pipe.toPublisher}: each subscription runs the pipe once on its own virtual thread, which
 * signals {@code onSubscribe} first and then emits only as far as the subscriber requested, waiting
 * (parked) for demand. {@code cancel} stops the run like an early stop; a non-positive request ends
 * it with {@code onError(IllegalArgumentException)} (rule 3.9). The thread ends, its resources
 * closed, when the run completes, fails or is cancelled.
 */
public final class PipePublisher<T> implements Flow.Publisher<T> {
  private final Source<T> source;

  public PipePublisher(Source<T> source) {
    this.source = source;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Checks.notNull(subscriber, "subscriber");
    Emission<T> emission = new Emission<>(subscriber);
    Threads.start("toPublisher", () -> emission.run(source));
  }

  private static final class Emission<T> implements Flow.Subscription, Downstream<T> {
    private final Flow.Subscriber<? super T> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private volatile boolean cancelled;
    private volatile boolean badRequest;
    private volatile long badValue;
    volatile Thread thread;

    Emission(Flow.Subscriber<? super T> subscriber) {
      this.subscriber = subscriber;
    }

    void run(Source<T> source) {
      thread = Thread.currentThread();
      try {
        subscriber.onSubscribe(this);
      } catch (Throwable t) {
        cancelled = true;
        return;
      }
      Throwable failure = null;
      try {
        if (!cancelled) {
          source.run(this);
        }
      } catch (Throwable t) {
        failure = t instanceof CancelSignal ? null : t;
      }
      if (badRequest) {
        subscriber.onError(
            new IllegalArgumentException(
                "request must be > 0, was " + badValue + " (Reactive Streams rule 3.9)"));
      } else if (cancelled) {
        return;
      } else if (failure != null) {
        subscriber.onError(failure);
      } else {
        subscriber.onComplete();
      }
    }

    @Override
    public boolean push(T item) {
      while (demand.get() == 0) {
        if (cancelled || badRequest) {
          return false;
        }
        LockSupport.park(this);
        if (Thread.interrupted() && cancelled) {
          return false;
        }
      }
      if (cancelled || badRequest) {
        return false;
      }
      demand.decrementAndGet();
      subscriber.onNext(item);
      return !cancelled && !badRequest;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badValue = n;
        badRequest = true;
        cancelled = true;
        wake();
        return;
      }
      demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      wake();
    }

    @Override
    public void cancel() {
      cancelled = true;
      wake();
    }

    private void wake() {
      Thread t = thread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }
}
