package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ZipWithIndexStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void pairsEachElementWithItsIndexFromZero(int n) {
    List<Indexed<Long>> out = Pipe.from(Sizes.longs(n)).map(x -> x * 2).zipWithIndex().toList();
    assertThat(out).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(out.get(i)).isEqualTo(new Indexed<>(i, 2L * i));
    }
    assertThat(Pipe.range(0, n).zipWithIndex().knownSize()).isEqualTo(n);
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void startsFromZeroOnEveryRun(int n) {
    Pipe<Indexed<Long>> indexed = Pipe.range(0, n).zipWithIndex();
    assertThat(indexed.toList()).isEqualTo(indexed.toList());
  }
}
