package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ZipSourceTest {
  @Test
  void pairsElementsAndEndsWithTheShorterInput() {
    Sizes.sizes()
        .forEach(
            n ->
                assertThat(
                        Pipe.zip(Pipe.range(0, n), Pipe.range(0, n + 5L), (a, b) -> a + b).toList())
                    .isEqualTo(Sizes.longs(n).stream().map(x -> 2 * x).toList()));
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void stopsTheLongerInputWhenTheShorterEnds() {
    Probe endless = new Probe(Integer.MAX_VALUE);
    assertThat(Pipe.zip(Pipe.of("a", "b"), endless.pipe(), (s, i) -> s + i).toList())
        .containsExactly("a0", "b1");
    assertThat(endless.finallies).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aFailingInputInterruptsABlockedOneSoTheRunEnds() {
    IOException boom = new IOException("boom");
    AtomicInteger interrupted = new AtomicInteger();
    Pipe<Integer> blocked =
        Pipe.generate(
            out -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
              }
            });
    assertThatThrownBy(() -> Pipe.zip(blocked, Pipe.<Integer>failed(boom), Integer::sum).toList())
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom);
    assertThat(interrupted).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void pairsBeforeALeftFailureAreDeliveredBeforeIt() {
    IOException boom = new IOException("boom");
    for (int run = 0; run < 300; run++) {
      Pipe<Long> failing = Pipe.concat(Pipe.range(0, 3), Pipe.failed(boom));
      List<Long> seen = new ArrayList<>();
      assertThatThrownBy(() -> Pipe.zip(failing, slowCounter(), Long::sum).forEach(seen::add))
          .isExactlyInstanceOf(PipeException.class)
          .hasCause(boom);
      assertThat(seen).containsExactly(0L, 2L, 4L);
    }
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void pairsBeforeARightFailureAreDeliveredBeforeIt() {
    IOException boom = new IOException("boom");
    for (int run = 0; run < 300; run++) {
      Pipe<Long> failing = Pipe.concat(Pipe.range(0, 3), Pipe.failed(boom));
      List<Long> seen = new ArrayList<>();
      assertThatThrownBy(() -> Pipe.zip(slowCounter(), failing, Long::sum).forEach(seen::add))
          .isExactlyInstanceOf(PipeException.class)
          .hasCause(boom);
      assertThat(seen).containsExactly(0L, 2L, 4L);
    }
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aRightFailureInterruptsALeftThatBlocksWhereNoPairCanBeFormed() {
    IOException boom = new IOException("boom");
    AtomicInteger interrupted = new AtomicInteger();
    Pipe<Long> blockedAfterTwo =
        Pipe.generate(
            out -> {
              out.emit(0L);
              out.emit(1L);
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
              }
            });
    Pipe<Long> failing = Pipe.concat(Pipe.range(0, 2), Pipe.failed(boom));
    List<Long> seen = new ArrayList<>();
    assertThatThrownBy(() -> Pipe.zip(blockedAfterTwo, failing, Long::sum).forEach(seen::add))
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom);
    assertThat(seen).containsExactly(0L, 2L);
    assertThat(interrupted).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  /** 0, 1, 2, ... with a pause before each element, so a failing peer is always ahead of it. */
  private static Pipe<Long> slowCounter() {
    return Pipe.generate(
        out -> {
          for (long i = 0; ; i++) {
            Thread.sleep(0, 100_000);
            out.emit(i);
          }
        });
  }

  @Test
  void aFailingZipperFailsTheRunAsIs() {
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(
            () ->
                Pipe.zip(
                        Pipe.range(0, 100),
                        Pipe.range(0, 100),
                        (a, b) -> {
                          throw bad;
                        })
                    .toList())
        .isSameAs(bad);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void rejectsNullArgumentsNamingThem() {
    assertThatThrownBy(() -> Pipe.zip(Pipe.of(1), null, Integer::sum))
        .hasMessage("b must not be null");
  }
}
