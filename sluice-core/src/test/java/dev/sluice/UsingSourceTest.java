package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UsingSourceTest {
  private final List<String> log = new ArrayList<>();

  private Pipe<Long> tracked(int n) {
    return Pipe.using(
        () -> {
          log.add("open");
          return (AutoCloseable) () -> log.add("close");
        },
        r -> Pipe.from(Sizes.longs(n)));
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void opensAndClosesOncePerRun(int n) {
    assertThat(tracked(n).count()).isEqualTo(n);
    assertThat(tracked(n).take(1).count()).isEqualTo(Math.min(1, n));
    assertThat(log).containsExactly("open", "close", "open", "close");
  }

  @Test
  void closesWhenDownstreamFailsAndKeepsTheOriginalFailure() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                tracked(5)
                    .forEach(
                        x -> {
                          throw boom;
                        }))
        .isSameAs(boom);
    assertThat(log).containsExactly("open", "close");
  }

  @Test
  void closeFailureIsSuppressedUnderTheRunsFailure() {
    IOException closeFailure = new IOException("close failed");
    IllegalStateException boom = new IllegalStateException("boom");
    Pipe<Integer> pipe =
        Pipe.using(
            () ->
                (AutoCloseable)
                    () -> {
                      throw closeFailure;
                    },
            r -> Pipe.of(1, 2));
    assertThatThrownBy(
            () ->
                pipe.forEach(
                    x -> {
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(boom.getSuppressed()).contains(closeFailure);
  }

  @Test
  void closeFailureAloneFailsTheRun() {
    Pipe<Integer> pipe =
        Pipe.using(
            () ->
                (AutoCloseable)
                    () -> {
                      throw new IOException("close failed");
                    },
            r -> Pipe.of(1));
    assertThatThrownBy(pipe::toList)
        .isInstanceOf(PipeException.class)
        .hasRootCauseMessage("close failed");
  }

  @Test
  void nestedResourcesCloseInnermostFirst() {
    Pipe<Integer> pipe =
        Pipe.using(
            () -> (AutoCloseable) () -> log.add("outer"),
            outer -> Pipe.using(() -> (AutoCloseable) () -> log.add("inner"), inner -> Pipe.of(1)));
    pipe.toList();
    assertThat(log).containsExactly("inner", "outer");
  }

  @Test
  void aNamedResourceIsNamedInTheFailureNoteOfItsOpening() {
    Pipe<Integer> pipe =
        Pipe.using(
            "keyset orders",
            () -> {
              throw new IOException("connection refused");
            },
            r -> Pipe.of(1));
    assertThatThrownBy(pipe::toList)
        .isInstanceOf(PipeException.class)
        .hasMessageContaining("keyset orders (stage 0) opening the resource")
        .hasRootCauseMessage("connection refused");
  }
}
