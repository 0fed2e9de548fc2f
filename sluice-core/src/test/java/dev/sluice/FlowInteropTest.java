package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FlowInteropTest {
  /** A subscriber that requests on demand from the test and records the signals. */
  static final class Recorder<T> implements Flow.Subscriber<T> {
    final List<T> items = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> end = new CompletableFuture<>();
    final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.complete(s);
    }

    @Override
    public void onNext(T item) {
      items.add(item);
    }

    @Override
    public void onError(Throwable t) {
      end.complete(t);
    }

    @Override
    public void onComplete() {
      end.complete(null);
    }

    Flow.Subscription s() throws Exception {
      return subscription.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aPublisherEmitsOnlyWhatWasRequested() throws Exception {
    Recorder<Integer> r = new Recorder<>();
    Pipe.of(1, 2, 3, 4, 5).toPublisher().subscribe(r);
    r.s().request(2);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (r.items.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    Thread.sleep(30);
    assertThat(r.items).containsExactly(1, 2);
    r.s().request(Long.MAX_VALUE);
    assertThat(r.end.get(10, TimeUnit.SECONDS)).isNull();
    assertThat(r.items).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void cancellingASubscriptionStopsTheRunAndClosesTheSource() throws Exception {
    Probe probe = new Probe(Integer.MAX_VALUE);
    Recorder<Integer> r = new Recorder<>();
    probe.pipe().toPublisher().subscribe(r);
    r.s().request(3);
    while (r.items.size() < 3) {
      Thread.sleep(1);
    }
    r.s().cancel();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (probe.finallies.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(probe.finallies).hasValue(1);
    assertThat(r.end).isNotDone();
  }

  @Test
  void aNonPositiveRequestEndsWithIllegalArgument() throws Exception {
    Recorder<Integer> r = new Recorder<>();
    Pipe.of(1).toPublisher().subscribe(r);
    r.s().request(0);
    assertThat(r.end.get(10, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3.9");
  }

  @Test
  void aFailingRunSignalsOnError() throws Exception {
    IOException boom = new IOException("boom");
    Recorder<Integer> r = new Recorder<>();
    Pipe.<Integer>failed(boom).toPublisher().subscribe(r);
    r.s().request(1);
    assertThat(r.end.get(10, TimeUnit.SECONDS)).isSameAs(boom);
  }

  @Test
  void aPipeReadsAPublisherForEverySize() {
    Sizes.sizes()
        .forEach(
            n ->
                assertThat(Pipe.fromPublisher(Pipe.from(Sizes.longs(n)).toPublisher(), 16).toList())
                    .isEqualTo(Sizes.longs(n)));
  }

  @Test
  void anEarlyStopCancelsTheSubscription() throws Exception {
    AtomicReference<Boolean> closed = new AtomicReference<>(false);
    SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>();
    Thread feeder =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (publisher.getNumberOfSubscribers() == 0) {
                    Thread.onSpinWait();
                  }
                  for (int i = 0; i < 1000 && publisher.hasSubscribers(); i++) {
                    publisher.submit(i);
                  }
                  closed.set(true);
                  publisher.close();
                });
    assertThat(Pipe.fromPublisher(publisher).take(3).toList()).containsExactly(0, 1, 2);
    feeder.join();
    assertThat(closed.get()).isTrue();
  }

  @Test
  void aPublishersErrorReachesTheCaller() {
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(() -> Pipe.fromPublisher(Pipe.<Integer>failed(bad).toPublisher()).toList())
        .isSameAs(bad);
    assertThatThrownBy(() -> Pipe.fromPublisher(null)).hasMessage("publisher must not be null");
  }
}
