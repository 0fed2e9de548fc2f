package dev.sluice;

import java.time.Duration;

/**
 * The settings of {@link Pipe#mapConcurrent(MapConcurrency, CheckedFunction)} and {@link
 * Pipe#mapConcurrentUnordered(MapConcurrency, CheckedFunction)}; immutable, checked when built.
 *
 * <pre>{@code
 * MapConcurrency.of(64).withWindow(256).withCallTimeout(Duration.ofSeconds(5))
 * }</pre>
 *
 * @param concurrency the most calls running at once (&gt; 0)
 * @param window ordered variant: the most elements between the oldest one not yet delivered and the
 *     newest started, finished or not (&gt;= concurrency); a finished result that waits for a
 *     slower earlier one holds a place in it. The unordered variant ignores it: there a finished
 *     result holds one of the {@code concurrency} slots until downstream took it.
 * @param callTimeout the longest one call may take, or {@code null} for no limit; a call that takes
 *     longer fails the run with a {@link java.util.concurrent.TimeoutException}
 */
public record MapConcurrency(int concurrency, int window, Duration callTimeout) {
  /** Checks the values; the messages name the setting. */
  public MapConcurrency {
    if (concurrency <= 0) {
      throw new IllegalArgumentException("concurrency must be > 0, was " + concurrency);
    }
    if (window < concurrency) {
      throw new IllegalArgumentException(
          "window must be >= concurrency (" + concurrency + "), was " + window);
    }
    if (callTimeout != null && (callTimeout.isNegative() || callTimeout.isZero())) {
      throw new IllegalArgumentException("callTimeout must be > 0, was " + callTimeout);
    }
  }

  /** {@code concurrency} calls at once, a window of the same size, no call timeout. */
  public static MapConcurrency of(int concurrency) {
    return new MapConcurrency(concurrency, concurrency, null);
  }

  /** These settings with another reorder window. */
  public MapConcurrency withWindow(int window) {
    return new MapConcurrency(concurrency, window, callTimeout);
  }

  /** These settings with a limit on each call. */
  public MapConcurrency withCallTimeout(Duration callTimeout) {
    return new MapConcurrency(concurrency, window, callTimeout);
  }
}
