package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DropWhileStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void dropsWhileThePredicateHolds(int n) {
    assertThat(Pipe.from(Sizes.longs(n)).dropWhile(x -> x < n / 3).toList())
        .isEqualTo(Sizes.longs(n).stream().dropWhile(x -> x < n / 3).toList());
  }

  @Test
  void stopsAskingThePredicateOnceItFailed() {
    int[] calls = {0};
    Pipe.of(1, 5, 1, 1)
        .dropWhile(
            x -> {
              calls[0]++;
              return x < 3;
            })
        .toList();
    assertThat(calls[0]).isEqualTo(2);
  }
}
