package dev.sluice.internal;

import dev.sluice.Indexed;

/** {@code zipWithIndex()}: each element with its index, from 0. Holds a counter, adds no thread. */
public final class ZipWithIndexStage<T> extends Operator<T, Indexed<T>> {
  public ZipWithIndexStage(Source<T> upstream) {
    super(upstream, "zipWithIndex");
  }

  @Override
  public void run(Downstream<? super Indexed<T>> downstream) throws Exception {
    Downstream<? super Indexed<T>> down = Metering.wrap(this, downstream);
    upstream.run(
        new Downstream<T>() {
          private long index;

          @Override
          public boolean push(T item) throws Exception {
            return down.push(new Indexed<>(index++, item));
          }
        });
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
