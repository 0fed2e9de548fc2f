package dev.sluice.internal;

import dev.sluice.CheckedPredicate;

/** {@code takeWhile}: elements up to (not including) the first that fails the predicate. */
public final class TakeWhileStage<T> extends Operator<T, T> {
  private final CheckedPredicate<? super T> predicate;

  public TakeWhileStage(Source<T> upstream, CheckedPredicate<? super T> predicate) {
    super(upstream, "takeWhile");
    this.predicate = predicate;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    upstream.run(
        new Downstream<T>() {

          @Override
          public boolean push(T item) throws Exception {
            boolean keep;
            try {
              keep = predicate.test(item);
            } catch (Throwable t) {
              throw Failures.at(t, describe());
            }
            return keep && down.push(item);
          }
        });
  }
}
