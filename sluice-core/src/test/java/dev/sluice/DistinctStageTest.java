package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DistinctStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void keepsTheFirstOfEachValue(int n) {
    assertThat(Pipe.from(Sizes.longs(n)).map(x -> x % 7).distinct().toList())
        .isEqualTo(Sizes.longs(n).stream().map(x -> x % 7).distinct().toList());
  }

  @Test
  void keyLimitFailsTheRunAndNamesTheSetting() {
    assertThatThrownBy(() -> Pipe.range(0, 100).distinctBy(x -> x, 10).count())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxKeys=10");
  }

  @Test
  void eachRunStartsWithAnEmptyMemory() {
    Pipe<Long> pipe = Pipe.of(1L, 1L, 2L).distinct();
    assertThat(pipe.toList()).containsExactly(1L, 2L);
    assertThat(pipe.toList()).containsExactly(1L, 2L);
  }
}
