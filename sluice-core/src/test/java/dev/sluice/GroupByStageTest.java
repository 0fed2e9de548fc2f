package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupByStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void foldsEachKeyWhenAllKeysFit(int n) {
    Map<Long, Long> out = new LinkedHashMap<>();
    Pipe.from(Sizes.longs(n))
        .groupBy(x -> x % 7, 7, Collectors.summingLong(x -> x))
        .forEach(e -> assertThat(out.put(e.getKey(), e.getValue())).isNull());
    Map<Long, Long> expected =
        Sizes.longs(n).stream()
            .collect(Collectors.groupingBy(x -> x % 7, Collectors.summingLong(x -> x)));
    assertThat(out).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void closesTheLeastRecentlyUsedGroupWhenFullAndLetsItsKeyOpenAgain(int n) {
    List<Map.Entry<Long, Long>> out =
        Pipe.from(Sizes.longs(n)).groupBy(x -> x % 3, 2, Collectors.counting()).toList();
    long total = out.stream().mapToLong(Map.Entry::getValue).sum();
    assertThat(total).isEqualTo(n);
    if (n >= 3) {
      // keys cycle 0, 1, 2: each new key closes the eldest, so every group holds one element
      assertThat(out).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(1L));
      assertThat(out.get(0)).isEqualTo(Map.entry(0L, 1L));
    }
  }

  @Test
  void emitsTheOpenGroupsAtTheEndLeastRecentlyUsedFirst() {
    List<Map.Entry<String, List<String>>> out =
        Pipe.of("a1", "b1", "a2", "c1", "b2", "a3")
            .groupBy(s -> s.substring(0, 1), 2, Collectors.toList())
            .toList();
    assertThat(out)
        .containsExactly(
            Map.entry("b", List.of("b1")),
            Map.entry("a", List.of("a1", "a2")),
            Map.entry("c", List.of("c1")),
            Map.entry("b", List.of("b2")),
            Map.entry("a", List.of("a3")));
  }

  @Test
  void emitsNothingMoreAfterAnEarlyStop() {
    assertThat(Pipe.range(0, 100).groupBy(x -> x, 1, Collectors.counting()).take(3).toList())
        .extracting(Map.Entry::getKey)
        .containsExactly(0L, 1L, 2L);
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).groupBy(x -> x, 0, Collectors.counting()))
        .hasMessage("maxOpenKeys must be > 0, was 0");
    assertThatThrownBy(() -> Pipe.of(1).groupBy(null, 1, Collectors.counting()))
        .hasMessage("key must not be null");
    assertThatThrownBy(() -> Pipe.of(1).groupBy(x -> x, 1, null))
        .hasMessage("perGroup must not be null");
  }
}
