package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MapAttemptStageTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void turnsEveryThirdFailureIntoAValueAndGoesOn(int n) {
    List<Result<Long>> results =
        Pipe.from(Sizes.longs(n))
            .mapAttempt(
                x -> {
                  if (x % 3 == 2) {
                    throw new IOException("bad " + x);
                  }
                  return x * 10;
                })
            .toList();
    assertThat(results).hasSize(n);
    for (int i = 0; i < n; i++) {
      Result<Long> r = results.get(i);
      assertThat(r.input()).isEqualTo((long) i);
      if (i % 3 == 2) {
        assertThat(r.isOk()).isFalse();
        assertThat(r.error()).isInstanceOf(IOException.class).hasMessage("bad " + i);
      } else {
        assertThat(r.value()).isEqualTo(i * 10L);
      }
    }
  }

  @Test
  void resultsMapFoldAndFallBack() {
    Result<Integer> ok = Result.ok("2", 2);
    Result<Integer> bad = Result.failure("x", new NumberFormatException("x"));
    assertThat(ok.map(v -> v + 1).value()).isEqualTo(3);
    assertThat(ok.map(v -> v + 1).input()).isEqualTo("2");
    assertThat(bad.map(v -> v + 1)).isSameAs(bad);
    assertThat(ok.map(v -> Integer.parseInt("y")).error())
        .isInstanceOf(NumberFormatException.class);
    assertThat(bad.orElse(-1)).isEqualTo(-1);
    assertThat(ok.orElse(-1)).isEqualTo(2);
    assertThat(bad.orElseGet(e -> e.getMessage().length())).isEqualTo(1);
    String folded = bad.fold(v -> "ok", e -> "failed: " + e.getMessage());
    assertThat(folded).isEqualTo("failed: x");
    assertThat(ok).isEqualTo(Result.ok("2", 2)).hasSameHashCodeAs(Result.ok("2", 2));
    assertThat(ok.toString()).isEqualTo("Ok[2 from 2]");
    assertThat(bad.toString()).isEqualTo("Failure[java.lang.NumberFormatException: x from x]");
    assertThatThrownBy(bad::value)
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(NumberFormatException.class);
    assertThatThrownBy(ok::error).hasMessage("an ok result has no error");
  }

  @Test
  void anErrorStillFailsTheRun() {
    AssertionError error = new AssertionError("broken");
    assertThatThrownBy(
            () ->
                Pipe.of(1)
                    .mapAttempt(
                        x -> {
                          throw error;
                        })
                    .toList())
        .isSameAs(error);
  }

  @Test
  void anInterruptedCallStillCancelsTheRun() {
    assertThatThrownBy(
            () ->
                Pipe.of(1)
                    .mapAttempt(
                        x -> {
                          throw new InterruptedException();
                        })
                    .toList())
        .isInstanceOf(PipeCancelledException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void countsTheFailuresInProgress() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Pipe.range(0, 10)
        .mapAttempt(
            x -> {
              if (x < 4) {
                throw new IllegalArgumentException();
              }
              return x;
            })
        .onProgress(reports::add, Duration.ofHours(1))
        .count();
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.failed()).isEqualTo(4);
    assertThat(last.report()).contains("4 failed");
  }

  @Test
  void rejectsANullMapperWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).mapAttempt(null)).hasMessage("mapper must not be null");
  }
}
