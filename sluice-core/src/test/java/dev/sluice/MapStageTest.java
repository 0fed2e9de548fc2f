package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MapStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void mapsEveryElementInOrder(int n) {
    assertThat(Pipe.from(Sizes.longs(n)).map(x -> x * 3).toList())
        .isEqualTo(Sizes.longs(n).stream().map(x -> x * 3).toList());
  }

  @Test
  void checkedExceptionIsWrappedOnceWithStageAndPosition() {
    IOException boom = new IOException("boom");
    List<Long> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Pipe.range(0, 10)
                    .map(
                        x -> {
                          if (x == 4) {
                            throw boom;
                          }
                          return x;
                        })
                    .forEach(seen::add))
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom)
        .hasMessageContaining("map (stage 1)")
        .hasMessageContaining("element 5");
    assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void uncheckedExceptionReachesTheCallerAsIsWithANote() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                Pipe.of(1, 2)
                    .map(
                        x -> {
                          throw boom;
                        })
                    .toList())
        .isSameAs(boom);
    assertThat(boom.getSuppressed()).hasSize(1);
    assertThat(boom.getSuppressed()[0].getMessage()).contains("map (stage 1)", "element 1");
  }

  @Test
  void nullMapperIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).map(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mapper must not be null");
  }

  @Test
  void repeatedMapsAtManyPositionsStayCorrect() {
    Pipe<Long> pipe = Pipe.range(0, 100);
    for (int i = 0; i < 40; i++) {
      pipe = pipe.map(x -> x + 1);
    }
    assertThat(pipe.reduce(0L, Long::sum)).isEqualTo(4950L + 4000L);
  }
}
