package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TakeStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void takesAtMostN(int n) {
    for (int k : new int[] {0, 1, 5, n, n + 1}) {
      assertThat(Pipe.from(Sizes.longs(n)).take(k).toList())
          .isEqualTo(Sizes.longs(n).stream().limit(k).toList());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void generatorNeverProducesElementNPlusOneAndFinallyRunsOnce(int n) {
    Probe probe = new Probe(Integer.MAX_VALUE);
    assertThat(probe.pipe().take(n).count()).isEqualTo(n);
    assertThat(probe.produced).hasValue(n);
    // take(0) never starts the source at all
    assertThat(probe.finallies).hasValue(n == 0 ? 0 : 1);
  }

  @Test
  void generatorThatCatchesExceptionsAroundEmitStillStops() {
    AtomicInteger produced = new AtomicInteger();
    AtomicInteger finallies = new AtomicInteger();
    Pipe<Integer> stubborn =
        Pipe.generate(
            out -> {
              try {
                for (int i = 0; i < 1000; i++) {
                  produced.incrementAndGet();
                  try {
                    out.emit(i);
                  } catch (Exception ignored) {
                    // a generator that swallows every exception
                  }
                }
              } finally {
                finallies.incrementAndGet();
              }
            });
    assertThat(stubborn.take(3).toList()).containsExactly(0, 1, 2);
    assertThat(produced).hasValue(3);
    assertThat(finallies).hasValue(1);
  }

  @Test
  void generatorThatSwallowsEvenErrorsGetsNoFurtherElementThrough() {
    AtomicInteger produced = new AtomicInteger();
    Pipe<Integer> rogue =
        Pipe.generate(
            out -> {
              for (int i = 0; i < 5; i++) {
                produced.incrementAndGet();
                try {
                  out.emit(i);
                } catch (Throwable ignored) {
                  // never do this
                }
              }
            });
    assertThat(rogue.take(2).toList()).containsExactly(0, 1);
  }

  @Test
  void negativeCountIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).take(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("take count must be >= 0, was -1");
  }
}
