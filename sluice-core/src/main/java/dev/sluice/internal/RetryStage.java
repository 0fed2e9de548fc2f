package dev.sluice.internal;

import dev.sluice.Clock;
import dev.sluice.RetryPolicy;

/**
 * {@code retry(policy)}: runs the upstream again from its source when it fails with a failure the
 * policy retries, after the policy's wait on the pipe's clock. The elements an earlier attempt
 * already passed on are skipped by count, so a deterministic, re-runnable upstream delivers each
 * element once. Failures raised downstream of this stage are never retried.
 */
public final class RetryStage<T> extends Operator<T, T> {
  private final RetryPolicy policy;
  private final Clock clock;

  public RetryStage(Source<T> upstream, RetryPolicy policy) {
    super(upstream, "retry");
    this.policy = policy;
    this.clock = ClockStage.of(upstream);
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    Relay relay = new Relay(down);
    Throwable earlier = null;
    for (int attempt = 1; ; attempt++) {
      relay.seen = 0;
      try {
        upstream.run(relay);
        return;
      } catch (Throwable t) {
        if (relay.downstreamFailed || !policy.retries(t, attempt)) {
          if (earlier != null && t != earlier && !relay.downstreamFailed) {
            t.addSuppressed(earlier);
          }
          throw Failures.sneaky(t);
        }
        earlier = Failures.combine(earlier, t);
        clock.sleep(policy.delayAfter(attempt));
      }
    }
  }

  private final class Relay implements Downstream<T> {
    private final Downstream<? super T> down;
    long delivered;
    long seen;
    boolean downstreamFailed;

    Relay(Downstream<? super T> down) {
      this.down = down;
    }

    @Override
    public boolean push(T item) throws Exception {
      if (++seen <= delivered) {
        return true;
      }
      delivered++;
      try {
        return down.push(item);
      } catch (Throwable t) {
        downstreamFailed = true;
        throw t;
      }
    }
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
