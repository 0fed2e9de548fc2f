package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
  void anUpstreamFailureFlushesThePartialBatchFirst() {
    IOException boom = new IOException("boom");
    List<List<Long>> seen = new ArrayList<>();
    assertThatThrownBy(
            () -> Pipe.concat(Pipe.range(0, 5), Pipe.failed(boom)).batch(2).forEach(seen::add))
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom);
    assertThat(seen).containsExactly(List.of(0L, 1L), List.of(2L, 3L), List.of(4L));
  }

  @Test
  void aFailureDownstreamFlushesNothingMore() {
    IllegalStateException bad = new IllegalStateException("bad");
    List<List<Long>> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Pipe.range(0, 5)
                    .batch(2)
                    .forEach(
                        b -> {
                          seen.add(b);
                          throw bad;
                        }))
        .isSameAs(bad);
    assertThat(seen).containsExactly(List.of(0L, 1L));
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
