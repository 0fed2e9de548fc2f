package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FilterStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void keepsWhatThePredicateAccepts(int n) {
    assertThat(Pipe.from(Sizes.longs(n)).filter(x -> x % 3 == 0).toList())
        .isEqualTo(Sizes.longs(n).stream().filter(x -> x % 3 == 0).toList());
  }

  @Test
  void predicateFailureNamesTheStage() {
    assertThatThrownBy(
            () ->
                Pipe.of("a", "b")
                    .filter(
                        s -> {
                          throw new java.io.IOException("bad " + s);
                        })
                    .toList())
        .isInstanceOf(PipeException.class)
        .hasMessageContaining("filter (stage 1)")
        .hasMessageContaining("bad a");
  }

  @Test
  void nullPredicateIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).filter(null)).hasMessage("predicate must not be null");
  }
}
