package dev.sluice;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * When and how often to try again: at most {@code maxAttempts} attempts in all, waiting {@code
 * initialDelay} before the second, then {@code multiplier} times longer each time up to {@code
 * maxDelay}, each wait varied at random by up to {@code jitter} (a fraction) either way; only
 * failures {@code retryOn} accepts are retried. Immutable, checked when built, thread-safe.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.attempts(5)
 *     .withBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10))
 *     .withJitter(0.2)
 *     .retryOn(e -> e instanceof IOException);
 * }</pre>
 *
 * <p>Errors, interrupts and cancellations are never retried, whatever {@code retryOn} says.
 *
 * <p>By default {@code maxAttempts} bounds the attempts in all ({@link Counting#TOTAL}). A policy
 * made {@link #consecutive()} bounds the failures in a row instead: for {@link Pipe#retry} and
 * {@link Pipe#restarting}, an attempt that delivered at least one element resets the count and the
 * backoff, so a long paged read that fails now and then goes on while a source that keeps failing
 * without progress still gives up. ({@link Pipe#mapRetry} retries one element, whose attempts have
 * no progress in between: both countings are the same there.)
 *
 * @param maxAttempts attempts in all, first included (&gt;= 1)
 * @param initialDelay the wait before the second attempt (&gt;= 0)
 * @param multiplier the factor between successive waits (&gt;= 1)
 * @param maxDelay the longest wait (&gt;= initialDelay)
 * @param jitter the random variation of each wait, from 0 to 1
 * @param retryOn which failures are retried
 * @param counting whether {@code maxAttempts} counts all attempts or those since the last progress
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    double multiplier,
    Duration maxDelay,
    double jitter,
    Predicate<? super Exception> retryOn,
    Counting counting) {

  /** How {@code maxAttempts} counts. */
  public enum Counting {
    /** Every attempt of the run counts. */
    TOTAL,
    /** Only the attempts since one last delivered an element count. */
    CONSECUTIVE
  }

  /** Checks the values; the messages name the setting. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialDelay, "initialDelay must not be null");
    Objects.requireNonNull(maxDelay, "maxDelay must not be null");
    Objects.requireNonNull(retryOn, "retryOn must not be null");
    Objects.requireNonNull(counting, "counting must not be null");
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initialDelay must be >= 0, was " + initialDelay);
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay must be >= initialDelay (" + initialDelay + "), was " + maxDelay);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
  }

  /** A policy counting {@link Counting#TOTAL total} attempts. */
  public RetryPolicy(
      int maxAttempts,
      Duration initialDelay,
      double multiplier,
      Duration maxDelay,
      double jitter,
      Predicate<? super Exception> retryOn) {
    this(maxAttempts, initialDelay, multiplier, maxDelay, jitter, retryOn, Counting.TOTAL);
  }

  /**
   * {@code maxAttempts} attempts, waits from 100 ms doubling up to 10 s, jitter 0.2, retrying any
   * {@link Exception}.
   */
  public static RetryPolicy attempts(int maxAttempts) {
    return new RetryPolicy(
        maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), 0.2, e -> true);
  }

  /** This policy with other waits. */
  public RetryPolicy withBackoff(Duration initialDelay, double multiplier, Duration maxDelay) {
    return new RetryPolicy(
        maxAttempts, initialDelay, multiplier, maxDelay, jitter, retryOn, counting);
  }

  /** This policy with another jitter. */
  public RetryPolicy withJitter(double jitter) {
    return new RetryPolicy(
        maxAttempts, initialDelay, multiplier, maxDelay, jitter, retryOn, counting);
  }

  /** This policy retrying only the failures {@code retryOn} accepts. */
  public RetryPolicy retryOn(Predicate<? super Exception> retryOn) {
    return new RetryPolicy(
        maxAttempts, initialDelay, multiplier, maxDelay, jitter, retryOn, counting);
  }

  /**
   * This policy bounding the failures in a row: {@code maxAttempts} attempts since the last one
   * that delivered an element.
   *
   * <pre>{@code
   * Pipe.paginate(null, api::page).retry(RetryPolicy.attempts(5).consecutive());
   * }</pre>
   */
  public RetryPolicy consecutive() {
    return new RetryPolicy(
        maxAttempts, initialDelay, multiplier, maxDelay, jitter, retryOn, Counting.CONSECUTIVE);
  }

  /**
   * Whether {@code failure}, which ended attempt {@code attempt} (from 1), is retried: an attempt
   * is left and {@code retryOn} accepts it (never an error, interrupt or cancellation).
   */
  public boolean retries(Throwable failure, int attempt) {
    return attempt < maxAttempts
        && failure instanceof Exception e
        && !(e instanceof InterruptedException)
        && !(e instanceof PipeCancelledException)
        && retryOn.test(e);
  }

  /** The wait after attempt {@code attempt} (from 1) failed, jitter applied. */
  public Duration delayAfter(int attempt) {
    double nanos = initialDelay.toNanos() * Math.pow(multiplier, attempt - 1);
    nanos = Math.min(nanos, maxDelay.toNanos());
    if (jitter > 0) {
      nanos *= 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    }
    return Duration.ofNanos((long) Math.max(0, nanos));
  }
}
