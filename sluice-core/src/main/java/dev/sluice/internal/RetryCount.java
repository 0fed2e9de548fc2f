package dev.sluice.internal;

import dev.sluice.RetryPolicy;
import java.time.Duration;

/**
 * The failure bookkeeping shared by the retry loops ({@code mapRetry}'s {@link Retrying}, {@code
 * retry}'s {@link RetryStage}, {@code restarting}'s {@link RestartSource}): counts the failures the
 * policy is asked about and keeps the earlier ones, so that the failure finally thrown carries them
 * as suppressed. With a {@link RetryPolicy.Counting#CONSECUTIVE consecutive} policy an attempt that
 * made progress starts the count again and forgets the failures before it. One per run (or per
 * element), used by one thread.
 */
final class RetryCount {
  private final RetryPolicy policy;
  private final boolean consecutive;
  private int failures;
  private Throwable earlier;

  RetryCount(RetryPolicy policy) {
    this.policy = policy;
    this.consecutive = policy.counting() == RetryPolicy.Counting.CONSECUTIVE;
  }

  /**
   * Records that an attempt failed with {@code failure}, and returns how long to wait before the
   * next one; or throws {@code failure} when it is not to be retried: as it is if it was raised
   * downstream of the retrying stage ({@code downstream}: never retried), else with the earlier
   * failures added as suppressed.
   *
   * @param progressed whether the attempt passed on an element (or, per element, never)
   */
  Duration failed(Throwable failure, boolean progressed, boolean downstream) {
    if (consecutive && progressed) {
      failures = 0;
      earlier = null;
    }
    failures++;
    if (downstream || !policy.retries(failure, failures)) {
      if (earlier != null && failure != earlier && !downstream) {
        failure.addSuppressed(earlier);
      }
      throw Failures.sneaky(failure);
    }
    earlier = Failures.combine(earlier, failure);
    return policy.delayAfter(failures);
  }

  /** {@code failure} (one outside an attempt) with the failures so far added as suppressed. */
  Throwable withEarlier(Throwable failure) {
    if (earlier != null) {
      failure.addSuppressed(earlier);
    }
    return failure;
  }
}
