package dev.sluice.internal;

import dev.sluice.CheckedFunction;

/** {@code flatMap}: runs the pipe built from each element, in order, all the way through. */
public final class FlatMapStage<T, R> extends Operator<T, R> {
  private final CheckedFunction<? super T, Source<? extends R>> fn;

  public FlatMapStage(Source<T> upstream, CheckedFunction<? super T, Source<? extends R>> fn) {
    super(upstream, "flatMap");
    this.fn = fn;
  }

  @Override
  public void run(Downstream<? super R> downstream) throws Exception {
    Downstream<? super R> down = Metering.wrap(this, downstream);
    StopTracker<R> relay = new StopTracker<>(down);
    upstream.run(
        new Downstream<T>() {

          @Override
          public boolean push(T item) throws Exception {
            Source<? extends R> inner;
            try {
              inner = fn.apply(item);
            } catch (Throwable t) {
              throw Failures.at(t, describe());
            }
            inner.run(relay);
            return !relay.stopped;
          }
        });
  }
}
