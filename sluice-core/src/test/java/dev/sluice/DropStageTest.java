package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DropStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void dropsTheFirstN(int n) {
    for (int k : new int[] {0, 1, 5, n, n + 1}) {
      assertThat(Pipe.from(Sizes.longs(n)).drop(k).toList())
          .isEqualTo(Sizes.longs(n).stream().skip(k).toList());
    }
  }

  @Test
  void negativeCountIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).drop(-2)).hasMessage("drop count must be >= 0, was -2");
  }
}
