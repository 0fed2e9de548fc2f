package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecoverStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void continuesWithTheFallbackAfterTheElementsBeforeTheFailure(int n) {
    AtomicReference<Exception> seen = new AtomicReference<>();
    IOException down = new IOException("primary down");
    List<Long> out =
        Pipe.concat(Pipe.from(Sizes.longs(n)), Pipe.<Long>failed(down))
            .recover(
                e -> {
                  seen.set(e);
                  return Pipe.of(-1L, -2L);
                })
            .toList();
    List<Long> expected = new ArrayList<>(Sizes.longs(n));
    expected.addAll(List.of(-1L, -2L));
    assertThat(out).isEqualTo(expected);
    assertThat(seen.get()).isSameAs(down);
  }

  @Test
  void passesARunWithoutFailureUntouched() {
    assertThat(Pipe.range(0, 5).recover(e -> Pipe.of(99L)).toList())
        .containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void doesNotRecoverFailuresRaisedDownstream() {
    IllegalStateException late = new IllegalStateException("late");
    assertThatThrownBy(
            () ->
                Pipe.range(0, 5)
                    .recover(e -> Pipe.of(99L))
                    .peek(
                        x -> {
                          throw late;
                        })
                    .count())
        .isSameAs(late);
  }

  @Test
  void doesNotRecoverErrors() {
    AssertionError error = new AssertionError("broken");
    assertThatThrownBy(() -> Pipe.<Long>failed(error).recover(e -> Pipe.of(1L)).toList())
        .isSameAs(error);
  }

  @Test
  void aFailingFallbackFailsTheRunWithTheOriginalSuppressed() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second");
    assertThatThrownBy(
            () ->
                Pipe.<Long>failed(first)
                    .recover(
                        e -> {
                          throw second;
                        })
                    .toList())
        .isSameAs(second)
        .satisfies(t -> assertThat(t.getSuppressed()).contains(first));
  }

  @Test
  void stopsTheFallbackOnAnEarlyStop() {
    assertThat(
            Pipe.<Long>failed(new IOException()).recover(e -> Pipe.range(0, 1000)).take(3).toList())
        .containsExactly(0L, 1L, 2L);
  }

  @Test
  void rejectsANullFallbackWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).recover(null)).hasMessage("fallback must not be null");
  }
}
