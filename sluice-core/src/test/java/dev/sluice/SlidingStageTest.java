package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SlidingStageTest {
  /** The windows by the definition: starts every step, full ones only (or one short input). */
  private static List<List<Long>> expected(int n, int size, int step) {
    List<Long> in = Sizes.longs(n);
    List<List<Long>> out = new ArrayList<>();
    for (int from = 0; from + size <= n; from += step) {
      out.add(in.subList(from, from + size));
    }
    if (n > 0 && n < size) {
      out.add(in);
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void emitsTheWindowsOfTheDefinitionForSeveralShapes(int n) {
    for (int[] shape : new int[][] {{1, 1}, {3, 1}, {3, 2}, {3, 3}, {2, 5}, {10, 4}}) {
      assertThat(Pipe.from(Sizes.longs(n)).sliding(shape[0], shape[1]).toList())
          .as("sliding(%d, %d)", shape[0], shape[1])
          .isEqualTo(expected(n, shape[0], shape[1]));
    }
  }

  @Test
  void keepsNullsAndGivesUnmodifiableWindows() {
    List<List<String>> out = Pipe.of("a", null, "c").sliding(2, 1).toList();
    assertThat(out).containsExactly(Arrays.asList("a", null), Arrays.asList(null, "c"));
    assertThatThrownBy(() -> out.get(0).add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void stopsUpstreamWhenDownstreamStops() {
    int[] pulled = {0};
    assertThat(Pipe.range(0, 1000).peek(x -> pulled[0]++).sliding(3, 1).take(2).toList())
        .containsExactly(List.of(0L, 1L, 2L), List.of(1L, 2L, 3L));
    assertThat(pulled[0]).isEqualTo(4);
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).sliding(0, 1)).hasMessage("window size must be > 0, was 0");
    assertThatThrownBy(() -> Pipe.of(1).sliding(2, 0)).hasMessage("step must be > 0, was 0");
  }
}
