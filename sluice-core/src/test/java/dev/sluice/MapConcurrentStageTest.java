package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class MapConcurrentStageTest {
  private static void awaitValue(IntSupplier value, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (value.getAsInt() < expected && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    Thread.sleep(50);
    assertThat(value.getAsInt()).isEqualTo(expected);
  }

  @Test
  void keepsInputOrderForEverySize() {
    Sizes.sizes()
        .forEach(
            n ->
                assertThat(Pipe.from(Sizes.longs(n)).mapConcurrent(8, x -> x * 2).toList())
                    .isEqualTo(Sizes.longs(n).stream().map(x -> x * 2).toList()));
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void unorderedDeliversEveryElementForEverySize() {
    Sizes.sizes()
        .forEach(
            n ->
                assertThat(Pipe.from(Sizes.longs(n)).mapConcurrentUnordered(8, x -> x).toList())
                    .containsExactlyInAnyOrderElementsOf(Sizes.longs(n)));
  }

  @Test
  void unorderedDeliversInCompletionOrder() {
    CountDownLatch oneSeen = new CountDownLatch(1);
    List<Integer> seen = new ArrayList<>();
    Pipe.of(0, 1)
        .mapConcurrentUnordered(
            2,
            x -> {
              if (x == 0) {
                oneSeen.await();
              }
              return x;
            })
        .forEach(
            x -> {
              seen.add(x);
              oneSeen.countDown();
            });
    assertThat(seen).containsExactly(1, 0);
  }

  @Test
  void neverRunsMoreThanConcurrencyCallsAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    long n =
        Pipe.range(0, 200)
            .mapConcurrent(
                4,
                x -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  Thread.sleep(1);
                  running.decrementAndGet();
                  return x;
                })
            .count();
    assertThat(n).isEqualTo(200);
    assertThat(most.get()).isBetween(1, 4);
  }

  @Test
  void unorderedFinishedResultsHoldTheirSlotUntilDownstreamTakesThem() throws Exception {
    AtomicInteger started = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Thread runner =
        Thread.ofPlatform()
            .start(
                () ->
                    Pipe.range(0, 100)
                        .mapConcurrentUnordered(
                            2,
                            x -> {
                              started.incrementAndGet();
                              return x;
                            })
                        .forEach(x -> release.await()));
    // one result held downstream, two finished results holding both slots
    awaitValue(started::get, 3);
    release.countDown();
    runner.join();
    assertThat(started).hasValue(100);
  }

  @Test
  void orderedWindowBoundsTheResultsWaitingForASlowEarlierCall() throws Exception {
    AtomicInteger started = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    MapConcurrency settings = MapConcurrency.of(2).withWindow(5);
    Thread runner =
        Thread.ofPlatform()
            .start(
                () ->
                    Pipe.range(0, 100)
                        .mapConcurrent(
                            settings,
                            x -> {
                              started.incrementAndGet();
                              if (x == 0) {
                                release.await();
                              }
                              return x;
                            })
                        .count());
    awaitValue(started::get, 5);
    release.countDown();
    runner.join();
    assertThat(started).hasValue(100);
  }

  @Test
  void aFailureSurfacesAtOnceAndInterruptsSlowerEarlierCalls() {
    IllegalStateException bad = new IllegalStateException("bad");
    CountDownLatch interrupted = new CountDownLatch(1);
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                Pipe.of(0, 1)
                    .mapConcurrent(
                        2,
                        x -> {
                          if (x == 1) {
                            throw bad;
                          }
                          try {
                            Thread.sleep(60_000);
                          } catch (InterruptedException e) {
                            interrupted.countDown();
                            throw e;
                          }
                          return x;
                        })
                    .toList())
        .isSameAs(bad);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(interrupted.getCount()).isZero();
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aCallLongerThanItsTimeoutFailsTheRun() {
    MapConcurrency settings = MapConcurrency.of(2).withCallTimeout(Duration.ofMillis(20));
    assertThatThrownBy(
            () ->
                Pipe.of(0, 1)
                    .mapConcurrent(
                        settings,
                        x -> {
                          Thread.sleep(x == 1 ? 60_000 : 0);
                          return x;
                        })
                    .toList())
        .isExactlyInstanceOf(PipeException.class)
        .hasCauseInstanceOf(TimeoutException.class)
        .hasMessageContaining("element 1")
        .hasMessageContaining("callTimeout PT0.02S");
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void earlyStopInterruptsCallsInFlightAndClosesTheSource() {
    Probe probe = new Probe(1000);
    List<Integer> got =
        probe
            .pipe()
            .mapConcurrent(
                4,
                x -> {
                  if (x > 0) {
                    Thread.sleep(60_000);
                  }
                  return x;
                })
            .take(1)
            .toList();
    assertThat(got).containsExactly(0);
    assertThat(probe.finallies).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void rejectsBadSettingsWhenBuiltNamingTheSetting() {
    assertThatThrownBy(() -> Pipe.of(1).mapConcurrent(0, x -> x))
        .hasMessage("concurrency must be > 0, was 0");
    assertThatThrownBy(() -> MapConcurrency.of(4).withWindow(2))
        .hasMessage("window must be >= concurrency (4), was 2");
    assertThatThrownBy(() -> MapConcurrency.of(4).withCallTimeout(Duration.ZERO))
        .hasMessage("callTimeout must be > 0, was PT0S");
    assertThatThrownBy(() -> Pipe.of(1).mapConcurrent(2, null))
        .hasMessage("mapper must not be null");
  }
}
