package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeSourceTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void countsFromStartToEndExclusive(int n) {
    assertThat(Pipe.range(5, 5 + n).toList())
        .isEqualTo(LongStream.range(5, 5 + n).boxed().toList());
    assertThat(Pipe.range(5, 5 + n).knownSize()).isEqualTo(n);
  }

  @Test
  void emptyWhenEndIsNotAfterStart() {
    assertThat(Pipe.range(3, 1).count()).isZero();
    assertThat(Pipe.range(3, 1).knownSize()).isZero();
  }

  /**
   * The source checks for an interrupt once per block of 1,024; the blocks must join seamlessly.
   */
  @ParameterizedTest
  @ValueSource(ints = {1023, 1024, 1025, 2048, 2049, 5000})
  void blocksJoinWithoutGapsOrRepeats(int n) {
    assertThat(Pipe.range(-7, -7 + n).toList())
        .isEqualTo(LongStream.range(-7, -7 + n).boxed().toList());
    assertThat(Pipe.range(0, n).take(1025).count()).isEqualTo(Math.min(n, 1025));
  }

  @Test
  void theExtremesOfLongNeitherOverflowNorLoop() {
    assertThat(Pipe.range(Long.MAX_VALUE - 3, Long.MAX_VALUE).toList())
        .containsExactly(Long.MAX_VALUE - 3, Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
    assertThat(Pipe.range(Long.MIN_VALUE, Long.MAX_VALUE).take(2).toList())
        .containsExactly(Long.MIN_VALUE, Long.MIN_VALUE + 1);
    assertThat(Pipe.range(Long.MIN_VALUE, Long.MAX_VALUE).knownSize()).isEqualTo(Long.MAX_VALUE);
    assertThat(Pipe.range(Long.MIN_VALUE, Long.MIN_VALUE + 5).knownSize()).isEqualTo(5);
  }
}
