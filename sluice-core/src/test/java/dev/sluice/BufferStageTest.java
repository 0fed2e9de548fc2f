package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BufferStageTest {
  @Test
  void passesEveryElementInOrderForEverySize() {
    Sizes.sizes()
        .forEach(
            n -> {
              for (int capacity : new int[] {1, 3, 1024}) {
                assertThat(Pipe.from(Sizes.longs(n)).buffer(capacity).toList())
                    .isEqualTo(Sizes.longs(n));
              }
            });
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void upstreamRunsAtMostNElementsAhead() throws Exception {
    Probe probe = new Probe(1000);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Long> count = new AtomicReference<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () ->
                    count.set(
                        probe
                            .pipe()
                            .buffer(8)
                            .peek(
                                x -> {
                                  if (x == 0) {
                                    release.await();
                                  }
                                })
                            .count()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (probe.produced.get() < 8 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    Thread.sleep(50);
    // at most: one held downstream, eight in the hand-off, one waiting in emit
    assertThat(probe.produced.get()).isBetween(8, 10);
    release.countDown();
    runner.join();
    assertThat(count.get()).isEqualTo(1000);
  }

  @Test
  void upstreamFailureReachesTheCallerAfterTheElementsBeforeIt() {
    IOException boom = new IOException("boom");
    List<Integer> seen = new ArrayList<>();
    Pipe<Integer> failing =
        Pipe.generate(
            out -> {
              out.emit(1);
              out.emit(2);
              throw boom;
            });
    assertThatThrownBy(() -> failing.buffer(4).forEach(seen::add))
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom);
    assertThat(seen).containsExactly(1, 2);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void earlyStopInterruptsABlockedUpstreamAndJoinsItBeforeReturning() {
    AtomicInteger finallies = new AtomicInteger();
    Pipe<Integer> blocking =
        Pipe.generate(
            out -> {
              try {
                out.emit(1);
                Thread.sleep(60_000);
                out.emit(2);
              } finally {
                finallies.incrementAndGet();
              }
            });
    assertThat(blocking.buffer(4).first()).contains(1);
    assertThat(finallies).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void downstreamFailureStopsTheUpstreamAndIsThrownAsIs() {
    Probe probe = new Probe(1_000_000);
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(
            () ->
                probe
                    .pipe()
                    .buffer(16)
                    .forEach(
                        x -> {
                          if (x == 100) {
                            throw bad;
                          }
                        }))
        .isSameAs(bad);
    assertThat(probe.finallies).hasValue(1);
    assertThat(probe.produced.get()).isLessThan(200);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void rejectsANonPositiveSizeWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).buffer(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buffer size must be > 0, was 0");
  }
}
