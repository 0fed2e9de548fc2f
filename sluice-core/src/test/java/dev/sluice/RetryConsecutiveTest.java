package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryConsecutiveTest {
  private static final RetryPolicy TWO =
      RetryPolicy.attempts(2).withBackoff(Duration.ZERO, 1, Duration.ZERO);

  /** A re-readable source of 0..n-1 whose k-th run fails before element 3k (while 3k < n). */
  private static Pipe<Long> failingFurtherEachRun(int n, int[] runs) {
    return Pipe.generate(
        out -> {
          long failAt = 3L * ++runs[0];
          for (long i = 0; i < n; i++) {
            if (i == failAt) {
              throw new IOException("dropped before " + i);
            }
            out.emit(i);
          }
        });
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void aConsecutivePolicyGoesOnWhileEachAttemptMakesProgress(int n) {
    int[] runs = {0};
    List<Long> out = failingFurtherEachRun(n, runs).retry(TWO.consecutive()).toList();
    assertThat(out).isEqualTo(Sizes.longs(n));
    assertThat(runs[0]).isEqualTo(Math.max(1, (n + 2) / 3));
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void aTotalPolicyGivesUpAfterItsAttemptsWhateverTheProgress(int n) {
    int[] runs = {0};
    Pipe<Long> retried = failingFurtherEachRun(n, runs).retry(TWO);
    if (n <= 6) {
      assertThat(retried.toList()).isEqualTo(Sizes.longs(n));
    } else {
      assertThatThrownBy(retried::toList).hasCauseInstanceOf(IOException.class);
      assertThat(runs[0]).isEqualTo(2);
    }
  }
}
