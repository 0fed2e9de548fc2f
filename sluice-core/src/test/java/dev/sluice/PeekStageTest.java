package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PeekStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void seesEveryElementBeforeDownstreamAndPassesItOn(int n) {
    List<String> log = new ArrayList<>();
    List<Long> out =
        Pipe.from(Sizes.longs(n))
            .peek(x -> log.add("peek " + x))
            .peek(x -> log.add("next " + x))
            .toList();
    assertThat(out).isEqualTo(Sizes.longs(n));
    assertThat(log).hasSize(2 * n);
    if (n > 0) {
      assertThat(log.subList(0, 2)).containsExactly("peek 0", "next 0");
    }
  }
}
