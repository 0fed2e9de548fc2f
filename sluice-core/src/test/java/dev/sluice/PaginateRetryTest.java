package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PaginateRetryTest {
  private static final RetryPolicy NOW =
      RetryPolicy.attempts(3).withBackoff(Duration.ZERO, 1, Duration.ZERO);

  /** Pages of 10 from 0 to n; the first fetch of each page in {@code failing} throws. */
  private static final class Api {
    final int n;
    final Set<Long> failing;
    final List<Long> fetched = new ArrayList<>();
    final Set<Long> failedOnce = new java.util.HashSet<>();

    Api(int n, Set<Long> failing) {
      this.n = n;
      this.failing = failing;
    }

    Page<Long, Long> page(Long cursor) throws IOException {
      long from = cursor == null ? 0 : cursor;
      fetched.add(from);
      if (failing.contains(from) && failedOnce.add(from)) {
        throw new IOException("page at " + from + " is down");
      }
      List<Long> items = LongStream.range(from, Math.min(n, from + 10)).boxed().toList();
      return from + 10 < n ? Page.of(items, from + 10) : Page.last(items);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void resumesAtTheCursorOfTheFailedPageInsteadOfReadingAgain(int n) {
    Api api = new Api(n, Set.of(10L, 30L));
    List<Long> out = Pipe.paginate((Long) null, api::page).retry(NOW).toList();
    assertThat(out).isEqualTo(Sizes.longs(n));
    long pages = Math.max(1, (n + 9) / 10);
    long retried = (n > 10 ? 1 : 0) + (n > 30 ? 1 : 0);
    assertThat(api.fetched).hasSize((int) (pages + retried));
  }

  @Test
  void consecutiveCountingGoesOnWhileEachAttemptMakesProgress() {
    Api api = new Api(100, Set.of(10L, 20L, 30L, 40L, 50L));
    RetryPolicy twoInARow = RetryPolicy.attempts(2).withBackoff(Duration.ZERO, 1, Duration.ZERO);
    assertThatThrownBy(
            () ->
                Pipe.paginate((Long) null, new Api(100, api.failing)::page)
                    .retry(twoInARow)
                    .count())
        .isInstanceOf(PipeException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(Pipe.paginate((Long) null, api::page).retry(twoInARow.consecutive()).count())
        .isEqualTo(100);
  }

  @Test
  void consecutiveCountingStillGivesUpWithoutProgress() {
    RetryPolicy three = NOW.consecutive();
    int[] fetches = {0};
    assertThatThrownBy(
            () ->
                Pipe.paginate(
                        0,
                        c -> {
                          fetches[0]++;
                          throw new IOException("down");
                        })
                    .retry(three)
                    .count())
        .hasCauseInstanceOf(IOException.class);
    assertThat(fetches[0]).isEqualTo(3);
    assertThat(three.counting()).isEqualTo(RetryPolicy.Counting.CONSECUTIVE);
    assertThat(RetryPolicy.attempts(3).counting()).isEqualTo(RetryPolicy.Counting.TOTAL);
  }
}
