package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
}
