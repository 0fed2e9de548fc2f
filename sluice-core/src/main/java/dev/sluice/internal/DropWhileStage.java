package dev.sluice.internal;

import dev.sluice.CheckedPredicate;

/** {@code dropWhile}: skips elements until one fails the predicate, then passes everything. */
public final class DropWhileStage<T> extends Operator<T, T> {
  private final CheckedPredicate<? super T> predicate;

  public DropWhileStage(Source<T> upstream, CheckedPredicate<? super T> predicate) {
    super(upstream, "dropWhile");
    this.predicate = predicate;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    upstream.run(
        new Downstream<T>() {
          private boolean dropping = true;

          @Override
          public boolean push(T item) throws Exception {
            if (dropping) {
              try {
                dropping = predicate.test(item);
              } catch (Throwable t) {
                throw Failures.at(t, describe());
              }
              if (dropping) {
                return true;
              }
            }
            return down.push(item);
          }
        });
  }
}
