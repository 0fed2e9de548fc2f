package dev.sluice.internal;

import dev.sluice.CheckedConsumer;

/** {@code peek}: runs an action on each element and passes it on unchanged. */
public final class PeekStage<T> extends Operator<T, T> {
  private final CheckedConsumer<? super T> action;

  public PeekStage(Source<T> upstream, CheckedConsumer<? super T> action) {
    super(upstream, "peek");
    this.action = action;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    upstream.run(Specializer.create(PeekPush.class, this, action, down));
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
