package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalsTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void everyTerminalAgreesWithJavaStreams(int n) {
    List<Long> in = Sizes.longs(n);
    Pipe<Long> pipe = Pipe.from(in);
    List<Long> seen = new ArrayList<>();
    pipe.forEach(seen::add);
    assertThat(seen).isEqualTo(in);
    assertThat(pipe.toList()).isEqualTo(in);
    assertThat(pipe.count()).isEqualTo(n);
    assertThat(pipe.reduce(0L, Long::sum)).isEqualTo(in.stream().mapToLong(x -> x).sum());
    assertThat(pipe.fold("", (s, x) -> s.isEmpty() ? "" + x : s)).isEqualTo(n == 0 ? "" : "0");
    assertThat(pipe.collect(Collectors.summingLong(x -> x)))
        .isEqualTo(in.stream().mapToLong(x -> x).sum());
    assertThat(pipe.first()).isEqualTo(in.stream().findFirst());
  }

  @Test
  void firstStopsTheSourceAfterOneElement() {
    Probe probe = new Probe(1000);
    assertThat(probe.pipe().first()).isEqualTo(Optional.of(0));
    assertThat(probe.produced).hasValue(1);
    assertThat(probe.finallies).hasValue(1);
  }
}
