package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConcatSourceTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void runsThePipesOneAfterTheOther(int n) {
    List<Long> a = Sizes.longs(n);
    assertThat(Pipe.concat(Pipe.from(a), Pipe.<Long>empty(), Pipe.from(a).map(x -> -x)).toList())
        .isEqualTo(Stream.concat(a.stream(), a.stream().map(x -> -x)).toList());
  }

  @Test
  void earlyStopInTheFirstPipeNeverStartsTheSecond() {
    Probe first = new Probe(10);
    Probe second = new Probe(10);
    assertThat(Pipe.concat(first.pipe(), second.pipe()).take(3).toList()).containsExactly(0, 1, 2);
    assertThat(second.produced).hasValue(0);
    assertThat(second.finallies).hasValue(0);
    assertThat(first.finallies).hasValue(1);
  }

  @Test
  void knownSizeAddsUp() {
    assertThat(Pipe.concat(Pipe.range(0, 3), Pipe.of(1L, 2L)).knownSize()).isEqualTo(5);
  }
}
