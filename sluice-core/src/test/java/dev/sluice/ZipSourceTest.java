package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
