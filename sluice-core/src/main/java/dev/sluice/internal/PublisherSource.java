package dev.sluice.internal;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code Pipe.fromPublisher}: each run subscribes to the publisher, requests {@code prefetch}
 * elements, and receives them through an {@link SpscChannel} of that size (the publisher's signals
 * are serial, as Reactive Streams requires, so one producer at a time); downstream runs on the
 * calling thread. More is requested as elements are taken, in halves of {@code prefetch}, so at
 * most {@code prefetch} elements are held. An early stop, failure or interrupt cancels the
 * subscription. Starts no thread of its own. A publisher that signals more than was requested
 * (breaking rule 1.1) ends the run with an {@link IllegalStateException} after the elements before
 * it, rather than wait for room that only the run's own thread could make.
 *
 * <p>The subscriber follows the Reactive Streams rules for subscribers (checked by the TCK in
 * {@code SubscriberTckTest}); the numbers in the comments below are those of the specification.
 */
public final class PublisherSource<T> extends Source<T> {
  private final Flow.Publisher<? extends T> publisher;
  private final int prefetch;

  public PublisherSource(Flow.Publisher<? extends T> publisher, int prefetch) {
    super("fromPublisher");
    this.publisher = publisher;
    this.prefetch = prefetch;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    SpscChannel<T> channel = new SpscChannel<>(prefetch);
    Receiver<T> receiver = new Receiver<>(channel, prefetch);
    int batch = Math.max(1, prefetch / 2);
    int[] taken = {0};
    boolean ended = false;
    try {
      publisher.subscribe(receiver);
      ended =
          channel.drainTo(
              item -> {
                if (++taken[0] == batch) {
                  taken[0] = 0;
                  // A publisher may answer on this very thread, inside request: the room it is
                  // granted must be free in the channel now, or its put would wait for this thread.
                  channel.returnTaken();
                  receiver.request(batch);
                }
                return down.push(item);
              });
    } finally {
      if (!ended) {
        channel.cancel();
        receiver.cancel();
      }
    }
    if (channel.failure() != null) {
      throw Failures.at(channel.failure(), describe());
    }
  }

  /**
   * The run's subscriber. The publisher's signals are serial (1.3), but calls on the subscription
   * come from both sides: the first request from {@code onSubscribe}, on the publisher's thread;
   * later requests and the cancel from the run's thread. {@code calls} keeps them serial (2.7).
   */
  private static final class Receiver<T> implements Flow.Subscriber<T> {
    /**
     * Stands in for a subscription that must not be used any more: the run has ended, or the
     * publisher has (after onComplete or onError the subscription counts as cancelled, 2.4). Its
     * request and cancel do nothing, so none reach the publisher after that.
     */
    private static final Flow.Subscription OVER =
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        };

    private final SpscChannel<T> channel;
    private final int prefetch;
    private final ReentrantLock calls = new ReentrantLock();

    /**
     * Requested and not yet received. Raised before each request reaches the publisher (which may
     * answer inside it), lowered by each onNext; an onNext without demand breaks rule 1.1.
     */
    private final AtomicLong demand = new AtomicLong();

    /** {@code null} until onSubscribe, then the subscription, then {@link #OVER}. */
    private volatile Flow.Subscription subscription;

    /** Whether the publisher has ended (signals are serial, 1.3, so a plain field will do). */
    private boolean done;

    Receiver(SpscChannel<T> channel, int prefetch) {
      this.channel = channel;
      this.prefetch = prefetch;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      Objects.requireNonNull(s, "subscription"); // 2.13
      calls.lock();
      try {
        if (subscription == null) {
          subscription = s;
          demand.addAndGet(prefetch);
          s.request(prefetch);
          return;
        }
      } finally {
        calls.unlock();
      }
      // A second subscription (2.5), or one that arrives after the run has ended: not wanted.
      s.cancel();
    }

    @Override
    public void onNext(T item) {
      if (item == null) {
        // 2.13: throw to the publisher and treat the subscription as cancelled; cancel it so a
        // broken publisher stops, and end the run with the same exception.
        NullPointerException npe =
            new NullPointerException("the publisher signalled a null element");
        cancel();
        end(npe);
        throw npe;
      }
      if (done) { // nothing may follow the end (1.7)
        return;
      }
      if (demand.getAndDecrement() <= 0) {
        // 1.1: never more than requested. Waiting for room here could wait on the run's own thread
        // (a synchronous publisher) forever; end the run with the violation instead.
        cancel();
        end(
            new IllegalStateException(
                "the publisher signalled more elements than requested (Reactive Streams rule"
                    + " 1.1): fromPublisher requested "
                    + prefetch
                    + " ahead"));
        return;
      }
      channel.put(item); // after a cancel, put drops the element
    }

    @Override
    public void onError(Throwable failure) {
      if (failure == null) {
        // 2.13: throw to the publisher; the run ends with the same exception.
        NullPointerException npe =
            new NullPointerException("the publisher signalled onError(null)");
        end(npe);
        throw npe;
      }
      end(failure);
    }

    @Override
    public void onComplete() {
      end(null);
    }

    /**
     * The publisher's end: no request or cancel follows it (2.3, 2.4); a second end is ignored. A
     * request the run's thread is making at that very moment may still arrive, which rules 1.6 and
     * 3.6 make a no-op for the publisher; taking {@code calls} here would make onComplete wait on
     * it.
     */
    private void end(Throwable failure) {
      if (!done) {
        done = true;
        subscription = OVER;
        channel.complete(failure);
      }
    }

    /** Run's thread: asks for {@code n} more, unless the subscription is over (2.4). */
    void request(long n) {
      calls.lock();
      try {
        Flow.Subscription s = subscription;
        if (s != null) {
          demand.addAndGet(n);
          s.request(n);
        }
      } finally {
        calls.unlock();
      }
    }

    /**
     * Cancels the subscription unless it is over; one that arrives later is cancelled in {@link
     * #onSubscribe} (2.6). Idempotent.
     */
    void cancel() {
      calls.lock();
      try {
        Flow.Subscription s = subscription;
        subscription = OVER;
        if (s != null) {
          s.cancel();
        }
      } finally {
        calls.unlock();
      }
    }
  }
}
