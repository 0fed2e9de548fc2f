package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InterleaveSourceTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void takesOneOfEachInTurnAndGoesOnWithTheLongerOnes(int n) {
    List<Long> out =
        Pipe.range(0, n).interleave(Pipe.range(1000, 1000 + n / 2), Pipe.of(-1L)).toList();
    List<Long> expected = new ArrayList<>();
    for (int round = 0; round < Math.max(n, 1); round++) {
      if (round < n) {
        expected.add((long) round);
      }
      if (round < n / 2) {
        expected.add(1000L + round);
      }
      if (round == 0) {
        expected.add(-1L);
      }
    }
    assertThat(out).isEqualTo(expected);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void throwsAFailureWhenItsTurnComes() {
    IllegalStateException boom = new IllegalStateException("boom");
    List<Long> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Pipe.range(0, 100)
                    .interleave(Pipe.concat(Pipe.of(-1L, -2L), Pipe.<Long>failed(boom)))
                    .forEach(seen::add))
        .isSameAs(boom);
    assertThat(seen).containsExactly(0L, -1L, 1L, -2L, 2L);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void stopsEveryInputOnAnEarlyStop() {
    assertThat(Pipe.range(0, 1_000_000).interleave(Pipe.range(0, 1_000_000)).take(3).toList())
        .containsExactly(0L, 0L, 1L);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void rejectsANullPipeWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).interleave(Pipe.of(2), null))
        .hasMessage("others[1] must not be null");
  }
}
