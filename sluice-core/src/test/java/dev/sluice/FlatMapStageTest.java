package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FlatMapStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void fansEachElementOutInOrder(int n) {
    assertThat(Pipe.from(Sizes.longs(n)).flatMap(x -> Pipe.of(x, -x)).toList())
        .isEqualTo(
            Sizes.longs(n).stream().flatMap(x -> java.util.stream.Stream.of(x, -x)).toList());
  }

  @Test
  void earlyStopInsideAnInnerPipeStopsBothInnerAndOuterGenerators() {
    Probe outer = new Probe(100);
    Probe[] inner = new Probe[1];
    List<Integer> got =
        outer
            .pipe()
            .flatMap(
                x -> {
                  inner[0] = new Probe(10);
                  return inner[0].pipe();
                })
            .take(15)
            .toList();
    assertThat(got).hasSize(15);
    assertThat(outer.produced).hasValue(2);
    assertThat(outer.finallies).hasValue(1);
    assertThat(inner[0].produced).hasValue(5);
    assertThat(inner[0].finallies).hasValue(1);
  }

  @Test
  void emptyInnerPipesProduceNothing() {
    assertThat(Pipe.range(0, 5).flatMap(x -> Pipe.<Long>empty()).count()).isZero();
  }
}
