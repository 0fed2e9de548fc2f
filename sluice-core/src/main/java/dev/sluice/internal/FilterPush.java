package dev.sluice.internal;

import dev.sluice.CheckedPredicate;

/** The push side of {@link FilterStage}; a template for {@link Specializer}. */
final class FilterPush<T> implements Downstream<T> {
  private final Source<?> stage;
  private final CheckedPredicate<? super T> predicate;
  private final Downstream<? super T> down;

  @SuppressWarnings("unchecked")
  FilterPush(Source<?> stage, Object predicate, Downstream<?> down) {
    this.stage = stage;
    this.predicate = (CheckedPredicate<? super T>) predicate;
    this.down = (Downstream<? super T>) down;
  }

  @Override
  public boolean push(T item) throws Exception {
    boolean keep;
    try {
      keep = predicate.test(item);
    } catch (Throwable t) {
      throw Failures.at(t, stage.describe());
    }

    return !keep || down.push(item);
  }
}
