package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BatchStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void groupsIntoFullBatchesAndAShorterLastOne(int n) {
    List<List<Long>> batches = Pipe.from(Sizes.longs(n)).batch(10).toList();
    assertThat(batches).hasSize((n + 9) / 10);
    assertThat(batches).allSatisfy(b -> assertThat(b).isNotEmpty().hasSizeLessThanOrEqualTo(10));
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(Sizes.longs(n));
  }

  @Test
  void earlyStopDropsThePartialBatchAndStopsTheSource() {
    Probe probe = new Probe(1000);
    assertThat(probe.pipe().batch(4).take(2).toList())
        .containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7));
    assertThat(probe.produced).hasValue(8);
    assertThat(probe.finallies).hasValue(1);
  }

  @Test
  void batchesAreFreshListsTheReceiverMayKeep() {
    List<List<Integer>> kept = new ArrayList<>();
    Pipe.of(1, 2, 3, 4, 5).batch(2).forEach(kept::add);
    assertThat(kept).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
  }

  @Test
  void zeroSizeIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).batch(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch size must be > 0, was 0");
  }
}
