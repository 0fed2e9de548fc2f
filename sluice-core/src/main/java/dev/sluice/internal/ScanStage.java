package dev.sluice.internal;

import dev.sluice.CheckedBiFunction;
import dev.sluice.CheckedSupplier;

/** {@code scan}: emits the running fold after each element (not the initial value). */
public final class ScanStage<T, A> extends Operator<T, A> {
  private final CheckedSupplier<? extends A> initial;
  private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;

  public ScanStage(
      Source<T> upstream,
      CheckedSupplier<? extends A> initial,
      CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
    super(upstream, "scan");
    this.initial = initial;
    this.fn = fn;
  }

  @Override
  public void run(Downstream<? super A> downstream) throws Exception {
    Downstream<? super A> down = Metering.wrap(this, downstream);
    A start;
    try {
      start = initial.get();
    } catch (Throwable t) {
      throw Failures.at(t, describe() + " creating the initial value");
    }
    upstream.run(
        new Downstream<T>() {
          private A acc = start;

          @Override
          public boolean push(T item) throws Exception {
            try {
              acc = fn.apply(acc, item);
            } catch (Throwable t) {
              throw Failures.at(t, describe());
            }
            return down.push(acc);
          }
        });
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
