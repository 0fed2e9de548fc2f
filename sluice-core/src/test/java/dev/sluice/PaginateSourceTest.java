package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PaginateSourceTest {
  /** Pages of 7 over 0..n-1, the cursor being the next offset; records the cursors fetched. */
  static Pipe<Long> pages(int n, List<Integer> fetched) {
    return Pipe.paginate(
        0,
        offset -> {
          fetched.add(offset);
          List<Long> items = Sizes.longs(n).subList(Math.min(offset, n), Math.min(offset + 7, n));
          return offset + 7 < n ? Page.of(items, offset + 7) : Page.last(items);
        });
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void followsTheCursorToTheLastPage(int n) {
    List<Integer> fetched = new ArrayList<>();
    assertThat(pages(n, fetched).toList()).isEqualTo(Sizes.longs(n));
    assertThat(fetched).hasSize(Math.max(1, (n + 6) / 7));
  }

  @Test
  void earlyStopFetchesNoFurtherPage() {
    List<Integer> fetched = new ArrayList<>();
    assertThat(pages(100, fetched).take(7).count()).isEqualTo(7);
    assertThat(fetched).containsExactly(0);
  }

  @Test
  void pageFailureNamesThePageAndCursor() {
    assertThatThrownBy(
            () ->
                Pipe.<Integer, Integer>paginate(
                        1,
                        p -> {
                          if (p == 3) {
                            throw new IOException("HTTP 503");
                          }
                          return Page.of(List.of(p), p + 1);
                        })
                    .toList())
        .isInstanceOf(PipeException.class)
        .hasMessageContaining("fetching page 3 (cursor 3)")
        .hasRootCauseMessage("HTTP 503");
  }
}
