package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Clock;
import dev.sluice.RetryPolicy;

/**
 * The per-element retry of {@code mapRetry}: calls the function again after a failure the policy
 * retries, waiting on the pipe's clock between attempts. A failure that is not retried, or the last
 * one, is thrown with the earlier attempts' failures added as suppressed.
 */
public final class Retrying<T, R> implements CheckedFunction<T, R> {
  private final RetryPolicy policy;
  private final CheckedFunction<? super T, ? extends R> fn;
  private final Clock clock;

  public Retrying(RetryPolicy policy, CheckedFunction<? super T, ? extends R> fn, Clock clock) {
    this.policy = policy;
    this.fn = fn;
    this.clock = clock;
  }

  @Override
  public R apply(T item) throws Exception {
    RetryCount count = null; // made at the first failure: the happy path allocates nothing
    while (true) {
      try {
        return fn.apply(item);
      } catch (Throwable t) {
        if (count == null) {
          count = new RetryCount(policy);
        }
        clock.sleep(count.failed(t, false, false));
      }
    }
  }
}
