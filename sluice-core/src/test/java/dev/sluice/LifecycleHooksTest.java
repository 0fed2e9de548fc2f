package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleHooksTest {
  private final List<String> log = new ArrayList<>();

  private Pipe<Long> hooked(Pipe<Long> pipe) {
    return pipe.onStart(() -> log.add("start"))
        .onComplete(() -> log.add("complete"))
        .onError(e -> log.add("error " + e.getMessage()))
        .onClose(() -> log.add("close"));
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void successfulRunStartsCompletesAndCloses(int n) {
    assertThat(hooked(Pipe.from(Sizes.longs(n))).count()).isEqualTo(n);
    assertThat(log).containsExactly("start", "complete", "close");
  }

  @Test
  void earlyStopCountsAsCompletion() {
    hooked(Pipe.range(0, 100)).take(2).toList();
    assertThat(log).containsExactly("start", "complete", "close");
  }

  @Test
  void failureRunsOnErrorThenOnCloseAndReachesTheCaller() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                hooked(Pipe.range(0, 10))
                    .forEach(
                        x -> {
                          throw boom;
                        }))
        .isSameAs(boom);
    assertThat(log).containsExactly("start", "error boom", "close");
  }

  @Test
  void hookFailureDuringAFailedRunIsSuppressed() {
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException hook = new IllegalStateException("hook");
    assertThatThrownBy(
            () ->
                Pipe.<Long>failed(boom)
                    .onError(
                        e -> {
                          throw hook;
                        })
                    .toList())
        .isSameAs(boom);
    assertThat(boom.getSuppressed()).contains(hook);
  }

  @Test
  void hooksRunOncePerRun() {
    Pipe<Long> pipe = hooked(Pipe.of(1L));
    pipe.toList();
    pipe.toList();
    assertThat(log).containsExactly("start", "complete", "close", "start", "complete", "close");
  }
}
