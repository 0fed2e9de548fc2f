package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScanStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void emitsTheRunningFold(int n) {
    List<Long> expected = new ArrayList<>();
    long sum = 0;
    for (long x : Sizes.longs(n)) {
      sum += x;
      expected.add(sum);
    }
    assertThat(Pipe.from(Sizes.longs(n)).scan(0L, Long::sum).toList()).isEqualTo(expected);
  }
}
