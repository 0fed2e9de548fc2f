package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.RetryPolicy;
import java.time.Duration;

/**
 * {@code Pipe.restarting} and {@code Checkpoints.retrying}: runs the source {@code open} builds;
 * when it fails with a failure the policy retries, waits the policy's backoff and runs the source
 * {@code open} builds from the last element delivered (null before the first), going on where the
 * failed one stopped: nothing is skipped or repeated by this stage, so the new source decides where
 * to start (a live feed reconnects, a resumable source starts after a position). With a {@link
 * RetryPolicy.Counting#CONSECUTIVE consecutive} policy an attempt that delivered an element resets
 * the count and the backoff. The wait reads the clock of the source that failed (its nearest {@code
 * withClock}). Failures raised downstream are never retried. Holds the last element delivered, adds
 * no thread.
 */
public final class RestartSource<T> extends Source<T> {
  private final RetryPolicy policy;
  private final CheckedFunction<? super T, ? extends Source<? extends T>> open;

  public RestartSource(
      RetryPolicy policy, CheckedFunction<? super T, ? extends Source<? extends T>> open) {
    super("restarting");
    this.policy = policy;
    this.open = open;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    Relay relay = new Relay(down);
    RetryCount count = new RetryCount(policy);
    while (true) {
      Source<? extends T> source;
      try {
        source = open.apply(relay.last);
      } catch (Throwable t) {
        throw Failures.at(count.withEarlier(t), describe() + " opening an attempt");
      }
      long before = relay.delivered;
      try {
        source.run(relay);
        return;
      } catch (Throwable t) {
        Duration wait = count.failed(t, relay.delivered > before, relay.downstreamFailed);
        ClockStage.of(source).sleep(wait);
      }
    }
  }

  private final class Relay implements Downstream<T> {
    private final Downstream<? super T> down;
    T last;
    long delivered;
    boolean downstreamFailed;

    Relay(Downstream<? super T> down) {
      this.down = down;
    }

    @Override
    public boolean push(T item) throws Exception {
      last = item;
      delivered++;
      try {
        return down.push(item);
      } catch (Throwable t) {
        downstreamFailed = true;
        throw t;
      }
    }
  }
}
