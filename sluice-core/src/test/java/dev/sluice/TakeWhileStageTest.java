package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TakeWhileStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void takesWhileThePredicateHolds(int n) {
    assertThat(Pipe.from(Sizes.longs(n)).takeWhile(x -> x < n / 2).toList())
        .isEqualTo(Sizes.longs(n).stream().takeWhile(x -> x < n / 2).toList());
  }

  @Test
  void stopsTheSourceAtTheFirstFailingElement() {
    Probe probe = new Probe(1000);
    assertThat(probe.pipe().takeWhile(x -> x < 7).count()).isEqualTo(7);
    assertThat(probe.produced).hasValue(8);
    assertThat(probe.finallies).hasValue(1);
  }
}
