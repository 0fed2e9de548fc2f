package dev.sluice.internal;

import dev.sluice.Clock;
import dev.sluice.RetryPolicy;

/**
 * {@code retry(policy)}: runs the upstream again when it fails with a failure the policy retries,
 * after the policy's wait on the pipe's clock. Directly after {@code paginate} (only {@code
 * withClock} between), the next attempt resumes at the cursor of the page it was on and skips only
 * that page's items already passed on; otherwise it runs from the source again and skips the
 * elements an earlier attempt passed on by count, so a deterministic, re-runnable upstream delivers
 * each element once. With a {@link RetryPolicy.Counting#CONSECUTIVE consecutive} policy an attempt
 * that passed on an element resets the attempt count and the backoff. Failures raised downstream of
 * this stage are never retried. Holds nothing, adds no thread.
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
    Attempt attempt = attempt(relay);
    RetryCount count = new RetryCount(policy);
    while (true) {
      relay.seen = 0;
      long before = relay.delivered;
      try {
        attempt.run();
        return;
      } catch (Throwable t) {
        clock.sleep(count.failed(t, relay.delivered > before, relay.downstreamFailed));
      }
    }
  }

  private interface Attempt {
    void run() throws Exception;
  }

  @SuppressWarnings("unchecked")
  private Attempt attempt(Relay relay) {
    PaginateSource<?, T> paginate = (PaginateSource<?, T>) PaginateSource.directlyAbove(upstream);
    if (paginate == null) {
      return () -> upstream.run(relay);
    }
    relay.skipping = false;
    return resuming(paginate, relay);
  }

  private static <C, T> Attempt resuming(PaginateSource<C, T> paginate, Downstream<T> relay) {
    PaginateSource<C, T>.Position at = paginate.new Position();
    return () -> paginate.run(relay, at);
  }

  private final class Relay implements Downstream<T> {
    private final Downstream<? super T> down;
    boolean skipping = true;
    long delivered;
    long seen;
    boolean downstreamFailed;

    Relay(Downstream<? super T> down) {
      this.down = down;
    }

    @Override
    public boolean push(T item) throws Exception {
      if (skipping && ++seen <= delivered) {
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
