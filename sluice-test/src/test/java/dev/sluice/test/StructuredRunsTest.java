package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Cancellation;
import dev.sluice.Diagnostics;
import dev.sluice.MapConcurrency;
import dev.sluice.PipeCancelledException;
import dev.sluice.PipeException;
import dev.sluice.PipeTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Point 5 of the design, checked in bulk: whatever way a run ends, every thread it started has
 * ended when its terminal operation returns or throws, and every source it opened is closed.
 */
class StructuredRunsTest {
  private static final Duration STUCK = Duration.ofMinutes(5);

  private final List<ScriptedSource<Integer>> sources = new ArrayList<>();

  private ScriptedSource<Integer> track(ScriptedSource<Integer> source) {
    sources.add(source);
    return source;
  }

  private ScriptedSource<Integer> range(int n) {
    return track(ScriptedSource.ofRange(n));
  }

  private ScriptedSource<Integer> stuckAfter(int n) {
    ScriptedSource.Builder<Integer> b = ScriptedSource.builder();
    for (int i = 0; i < n; i++) {
      b.emit(i);
    }
    return track(b.delay(STUCK).emit(n).build());
  }

  private ScriptedSource<Integer> failingAfter(int n) {
    ScriptedSource.Builder<Integer> b = ScriptedSource.builder();
    for (int i = 0; i < n; i++) {
      b.emit(i);
    }
    return track(b.fail(() -> new IOException("source failed")).build());
  }

  @Test
  void aThousandRunsEndingInEveryWayLeaveNoThreadAndNoOpenSource() throws Exception {
    for (int i = 0; i < 1000; i++) {
      int k = i % 8;
      int failAt = i % 7;
      switch (k) {
        case 0 ->
            assertThat(range(100).pipe().buffer(4).mapConcurrent(4, x -> x).take(3).toList())
                .containsExactly(0, 1, 2);
        case 1 ->
            assertThatThrownBy(
                    () -> failingAfter(failAt).pipe().mapConcurrentUnordered(3, x -> x).count())
                .isInstanceOf(PipeException.class);
        case 2 ->
            assertThatThrownBy(
                    () ->
                        range(50)
                            .pipe()
                            .mapConcurrent(
                                MapConcurrency.of(8).withWindow(16),
                                x -> {
                                  if (x == 5) {
                                    throw new IllegalStateException("call failed");
                                  }
                                  Thread.sleep(x == 0 ? 60_000 : 0);
                                  return x;
                                })
                            .toList())
                .hasMessage("call failed");
        case 3 ->
            assertThatThrownBy(
                    () -> stuckAfter(2).pipe().buffer(2).timeout(Duration.ofMillis(2)).count())
                .isInstanceOf(PipeTimeoutException.class);
        case 4 -> {
          Cancellation cancellation = new Cancellation();
          Thread canceller =
              Thread.ofVirtual()
                  .start(
                      () -> {
                        try {
                          Thread.sleep(1);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        cancellation.cancel();
                      });
          assertThatThrownBy(
                  () ->
                      stuckAfter(3)
                          .pipe()
                          .batch(2, Duration.ofMillis(1))
                          .withCancellation(cancellation)
                          .count())
              .isInstanceOf(PipeCancelledException.class);
          canceller.join();
        }
        case 5 -> {
          // a loaded machine may let 1 ms pass before the fourth element: a shorter first batch
          List<Integer> first =
              range(30).pipe().batch(4, Duration.ofMillis(1)).buffer(2).first().orElseThrow();
          assertThat(first).isNotEmpty().isEqualTo(List.of(0, 1, 2, 3).subList(0, first.size()));
        }
        case 6 ->
            assertThatThrownBy(
                    () ->
                        stuckAfter(1)
                            .pipe()
                            .mapConcurrent(2, x -> x)
                            .batch(5, Duration.ofMillis(1))
                            .timeout(Duration.ofMillis(3))
                            .toList())
                .isInstanceOf(PipeTimeoutException.class);
        default ->
            assertThat(range(20).pipe().buffer(1).timeout(Duration.ofSeconds(30)).count())
                .isEqualTo(20);
      }
      assertThat(Diagnostics.liveThreads()).as("live threads after run %d", i).isZero();
    }
    assertThat(Diagnostics.liveThreads()).isZero();
    assertThat(sources).hasSize(1000).allSatisfy(s -> assertThat(s.allClosed()).isTrue());
  }
}
