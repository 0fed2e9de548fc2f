package dev.sluice.internal;

import dev.sluice.CheckedFunction;

/** The push side of {@link MapStage}; a template for {@link Specializer}. */
final class MapPush<T, R> implements Downstream<T> {
  private final Source<?> stage;
  private final CheckedFunction<? super T, ? extends R> fn;
  private final Downstream<? super R> down;

  @SuppressWarnings("unchecked")
  MapPush(Source<?> stage, Object fn, Downstream<?> down) {
    this.stage = stage;
    this.fn = (CheckedFunction<? super T, ? extends R>) fn;
    this.down = (Downstream<? super R>) down;
  }

  @Override
  public boolean push(T item) throws Exception {
    R result;
    try {
      result = fn.apply(item);
    } catch (Throwable t) {
      throw Failures.at(t, stage.describe());
    }

    return down.push(result);
  }
}
