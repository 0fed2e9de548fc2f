package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PartitionStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void routesEachElementToOneBranchAndPassesItOn(int n) {
    MemorySink<Long> even = Sinks.memory();
    MemorySink<Long> odd = Sinks.memory();
    long passed =
        Pipe.from(Sizes.longs(n))
            .partition(x -> x % 2 == 0, p -> p.into(even), p -> p.into(odd))
            .count();
    assertThat(passed).isEqualTo(n);
    assertThat(even.committed())
        .isEqualTo(Sizes.longs(n).stream().filter(x -> x % 2 == 0).toList());
    assertThat(odd.committed()).isEqualTo(Sizes.longs(n).stream().filter(x -> x % 2 == 1).toList());
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aBranchThatStopsEarlyLeavesTheOtherGoing() {
    MemorySink<Long> rest = Sinks.memory();
    assertThat(
            Pipe.range(0, 5000)
                .partition(x -> x % 2 == 0, p -> p.take(3).count(), p -> p.into(rest))
                .count())
        .isEqualTo(5000);
    assertThat(rest.committed()).hasSize(2500);
  }

  @Test
  void aFailingBranchFailsTheRun() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                Pipe.range(0, 5000)
                    .partition(
                        x -> x < 10,
                        p ->
                            p.forEach(
                                x -> {
                                  throw boom;
                                }),
                        p -> p.count())
                    .count())
        .isSameAs(boom);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void anUpstreamFailureAbortsBothBranches() {
    MemorySink<Long> a = Sinks.memory();
    MemorySink<Long> b = Sinks.memory();
    IllegalStateException boom = new IllegalStateException("upstream");
    assertThatThrownBy(
            () ->
                Pipe.concat(Pipe.range(0, 10), Pipe.<Long>failed(boom))
                    .partition(x -> x < 5, p -> p.into(a), p -> p.into(b))
                    .count())
        .isSameAs(boom);
    assertThat(a.commits() + b.commits()).isZero();
    assertThat(a.aborts() + b.aborts()).isEqualTo(2);
  }

  @Test
  void rejectsNullArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).partition(null, p -> {}, p -> {}))
        .hasMessage("predicate must not be null");
    assertThatThrownBy(() -> Pipe.of(1).partition(x -> true, p -> {}, null))
        .hasMessage("others must not be null");
  }
}
