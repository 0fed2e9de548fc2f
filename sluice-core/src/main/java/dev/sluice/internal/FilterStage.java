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
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    upstream.run(Specializer.create(FilterPush.class, this, predicate, down));
  }
}
