package dev.sluice.internal;

import dev.sluice.CheckedPredicate;

/** {@code filter}: keeps the elements a predicate accepts. */
public final class FilterStage<T> extends Operator<T, T> {
  private final CheckedPredicate<? super T> predicate;

  public FilterStage(Source<T> upstream, CheckedPredicate<? super T> predicate) {
    super(upstream, "filter");
    this.predicate = predicate;
  }

  @Override
  public void run(Downstream<? super T> down) throws Exception {
    upstream.run(
        new Downstream<T>() {
          private long index;

          @Override
          public boolean push(T item) throws Exception {
            boolean keep;
            try {
              keep = predicate.test(item);
            } catch (Throwable t) {
              throw Failures.at(t, describe(), index);
            }
            index++;
            return !keep || down.push(item);
          }
        });
  }
}
