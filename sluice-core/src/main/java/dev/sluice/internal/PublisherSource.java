package dev.sluice.internal;

import java.util.concurrent.Flow;

/**
 * {@code Pipe.fromPublisher}: each run subscribes to the publisher, requests {@code prefetch}
 * elements, and receives them through an {@link SpscChannel} of that size (the publisher's signals
 * are serial, as Reactive Streams requires, so one producer at a time); downstream runs on the
 * calling thread. More is requested as elements are taken, in halves of {@code prefetch}, so at
 * most {@code prefetch} elements are held. An early stop, failure or interrupt cancels the
 * subscription. Starts no thread of its own.
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
    publisher.subscribe(receiver);
    int batch = Math.max(1, prefetch / 2);
    int[] taken = {0};
    boolean ended = false;
    try {
      ended =
          channel.drainTo(
              item -> {
                if (++taken[0] == batch) {
                  taken[0] = 0;
                  receiver.subscription.request(batch);
                }
                return down.push(item);
              });
    } finally {
      if (!ended) {
        channel.cancel();
        Flow.Subscription s = receiver.subscription;
        if (s != null) {
          s.cancel();
        }
      }
    }
    if (channel.failure() != null) {
      throw Failures.at(channel.failure(), describe());
    }
  }

  private static final class Receiver<T> implements Flow.Subscriber<T> {
    private final SpscChannel<T> channel;
    private final int prefetch;
    volatile Flow.Subscription subscription;

    Receiver(SpscChannel<T> channel, int prefetch) {
      this.channel = channel;
      this.prefetch = prefetch;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      if (subscription != null) {
        s.cancel();
        return;
      }
      subscription = s;
      s.request(prefetch);
    }

    @Override
    public void onNext(T item) {
      if (item == null) {
        subscription.cancel();
        channel.complete(new NullPointerException("the publisher signalled a null element"));
        return;
      }
      channel.put(item);
    }

    @Override
    public void onError(Throwable failure) {
      channel.complete(failure);
    }

    @Override
    public void onComplete() {
      channel.complete(null);
    }
  }
}
