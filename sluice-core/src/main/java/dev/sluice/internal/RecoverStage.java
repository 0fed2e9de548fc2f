package dev.sluice.internal;

import dev.sluice.CheckedFunction;

/**
 * {@code recover(fallback)}: passes the upstream's elements on; when the upstream fails (see {@link
 * Attempts} for which failures), runs the source {@code fallback} makes of the exception into the
 * same downstream, so the run goes on with it. Failures raised downstream of this stage, and
 * failures of the fallback, are not recovered. Holds nothing, adds no thread.
 */
public final class RecoverStage<T> extends Operator<T, T> {
  private final CheckedFunction<? super Exception, Source<? extends T>> fallback;

  public RecoverStage(
      Source<T> upstream, CheckedFunction<? super Exception, Source<? extends T>> fallback) {
    super(upstream, "recover");
    this.fallback = fallback;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    boolean[] downstreamFailed = {false};
    try {
      upstream.run(
          item -> {
            try {
              return down.push(item);
            } catch (Throwable t) {
              downstreamFailed[0] = true;
              throw t;
            }
          });
      return;
    } catch (Throwable t) {
      if (downstreamFailed[0] || !Attempts.isValue(t)) {
        throw Failures.sneaky(t);
      }
      Source<? extends T> next;
      try {
        next = fallback.apply((Exception) t);
      } catch (Throwable f) {
        throw Failures.at(Failures.combine(f, t), describe() + " building the fallback");
      }
      next.run(down);
    }
  }
}
