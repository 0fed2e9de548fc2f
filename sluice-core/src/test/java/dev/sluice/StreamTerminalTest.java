package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StreamTerminalTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void streamsEveryElement(int n) {
    try (Stream<Long> stream = Pipe.from(Sizes.longs(n)).stream()) {
      assertThat(stream.toList()).isEqualTo(Sizes.longs(n));
    }
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void closingAShortCircuitedStreamStopsTheRun() {
    Probe probe = new Probe(Integer.MAX_VALUE);
    try (Stream<Integer> stream = probe.pipe().stream()) {
      assertThat(stream.filter(x -> x > 10).findFirst()).contains(11);
    }
    assertThat(probe.finallies).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }
}
