package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Result;

/**
 * {@code mapAttempt(f)}: each element through {@code f} as a {@link Result}: ok with the value, or
 * failed with the exception and the element; the run goes on. Interrupts and cancellations still
 * cancel the run, errors still fail it (see {@link Attempts}). Holds nothing, adds no thread; each
 * failure counts in {@link dev.sluice.Progress#failed()} of an {@code onProgress} below.
 */
public final class MapAttemptStage<T, R> extends Operator<T, Result<R>> {
  private final CheckedFunction<? super T, ? extends R> fn;

  public MapAttemptStage(Source<T> upstream, CheckedFunction<? super T, ? extends R> fn) {
    super(upstream, "mapAttempt");
    this.fn = fn;
  }

  @Override
  public void run(Downstream<? super Result<R>> downstream) throws Exception {
    Downstream<? super Result<R>> down = Metering.wrap(this, downstream);
    RunMeter meter = Metering.current();
    upstream.run(
        item -> {
          Result<R> result;
          try {
            result = Result.ok(item, fn.apply(item));
          } catch (Throwable t) {
            if (!Attempts.isValue(t)) {
              throw Failures.at(t, describe());
            }
            result = Result.failure(item, (Exception) t);
            Attempts.count(meter);
          }
          return down.push(result);
        });
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
