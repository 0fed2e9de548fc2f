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
  public void run(Downstream<? super T> down) throws Exception {
    upstream.run(
        new Downstream<T>() {
          private long index;

          @Override
          public boolean push(T item) throws Exception {
            try {
              action.accept(item);
            } catch (Throwable t) {
              throw Failures.at(t, describe(), index);
            }
            index++;
            return down.push(item);
          }
        });
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
