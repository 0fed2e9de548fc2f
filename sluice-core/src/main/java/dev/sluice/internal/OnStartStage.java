package dev.sluice.internal;

import dev.sluice.CheckedRunnable;

/** {@code onStart}: runs an action when a run reaches this stage, before upstream starts. */
public final class OnStartStage<T> extends Operator<T, T> {
  private final CheckedRunnable action;

  public OnStartStage(Source<T> upstream, CheckedRunnable action) {
    super(upstream, "onStart");
    this.action = action;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    try {
      action.run();
    } catch (Throwable t) {
      throw Failures.at(t, describe());
    }
    upstream.run(down);
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
