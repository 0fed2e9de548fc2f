package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * {@code fromPublisher} against publishers that signal on the subscriber's own thread: one that
 * honours demand (answering inside {@code request}) and one that ignores it. The second used to
 * deadlock the caller; the timeout only turns a hang into a failure.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class PublisherDemandTest {
  /** Emits 0..n-1 synchronously inside request, as much as was asked for (or all, if greedy). */
  private static Flow.Publisher<Integer> synchronous(
      int n, boolean greedy, AtomicBoolean cancelled) {
    return subscriber ->
        subscriber.onSubscribe(
            new Flow.Subscription() {
              int next;
              boolean inside;
              long pending;

              @Override
              public void request(long k) {
                pending += k;
                if (inside) {
                  return; // rule 3.3: no unbounded recursion
                }
                inside = true;
                while ((greedy || pending > 0) && next < n && !cancelled.get()) {
                  pending--;
                  subscriber.onNext(next++);
                }
                inside = false;
                if (next == n && !cancelled.get()) {
                  subscriber.onComplete();
                }
              }

              @Override
              public void cancel() {
                cancelled.set(true);
              }
            });
  }

  @Test
  void aSynchronousPublisherThatHonoursDemandIsReadToTheEnd() {
    for (int prefetch : new int[] {1, 2, 3, 10, 33, 256}) {
      for (int n : new int[] {0, 1, 10, 99, 1000}) {
        AtomicBoolean cancelled = new AtomicBoolean();
        assertThat(Pipe.fromPublisher(synchronous(n, false, cancelled), prefetch).count())
            .as("prefetch %d, n %d", prefetch, n)
            .isEqualTo(n);
      }
    }
  }

  @Test
  void aPublisherThatIgnoresDemandFailsTheRunNamingTheRule() {
    for (int run = 0; run < 300; run++) {
      AtomicBoolean cancelled = new AtomicBoolean();
      List<Integer> seen = new ArrayList<>();
      assertThatThrownBy(
              () -> Pipe.fromPublisher(synchronous(1000, true, cancelled), 8).forEach(seen::add))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageContaining("more elements than requested (Reactive Streams rule 1.1)");
      assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
      assertThat(cancelled).isTrue();
    }
  }
}
