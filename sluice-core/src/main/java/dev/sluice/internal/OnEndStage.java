package dev.sluice.internal;

import dev.sluice.CheckedConsumer;

/**
 * {@code onComplete}, {@code onError} and {@code onClose}: an action when the run ends, after
 * everything upstream of this stage has closed. {@code onComplete} runs when the run ended without
 * failure (input exhausted or stopped early by downstream), {@code onError} when it failed (with
 * the failure), {@code onClose} always (with the failure or {@code null}).
 */
public final class OnEndStage<T> extends Operator<T, T> {
  /** When the action runs. */
  public enum When {
    COMPLETE,
    ERROR,
    CLOSE
  }

  private final When when;
  private final CheckedConsumer<Throwable> action;

  public OnEndStage(Source<T> upstream, When when, CheckedConsumer<Throwable> action) {
    super(upstream, "on" + when.name().charAt(0) + when.name().substring(1).toLowerCase());
    this.when = when;
    this.action = action;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    Throwable failure = null;
    try {
      upstream.run(down);
    } catch (Throwable t) {
      failure = t;
    }
    boolean applies = when == When.CLOSE || (when == When.COMPLETE) == (failure == null);
    if (applies) {
      try {
        action.accept(failure == null ? null : Failures.visible(failure));
      } catch (Throwable t) {
        if (failure == null) {
          throw Failures.at(t, describe());
        }
        failure.addSuppressed(t);
      }
    }
    if (failure != null) {
      throw Failures.sneaky(failure);
    }
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
