package dev.sluice.internal;

import dev.sluice.CheckedConsumer;

/** The push side of {@link PeekStage}; a template for {@link Specializer}. */
final class PeekPush<T> implements Downstream<T> {
  private final Source<?> stage;
  private final CheckedConsumer<? super T> action;
  private final Downstream<? super T> down;

  @SuppressWarnings("unchecked")
  PeekPush(Source<?> stage, Object action, Downstream<?> down) {
    this.stage = stage;
    this.action = (CheckedConsumer<? super T>) action;
    this.down = (Downstream<? super T>) down;
  }

  @Override
  public boolean push(T item) throws Exception {
    try {
      action.accept(item);
    } catch (Throwable t) {
      throw Failures.at(t, stage.describe());
    }
    return down.push(item);
  }
}
