package dev.sluice.internal;

import dev.sluice.CheckedFunction;

/** {@code map}: one output per input. */
public final class MapStage<T, R> extends Operator<T, R> {
  private final CheckedFunction<? super T, ? extends R> fn;

  public MapStage(Source<T> upstream, CheckedFunction<? super T, ? extends R> fn) {
    super(upstream, "map");
    this.fn = fn;
  }

  @Override
  public void run(Downstream<? super R> down) throws Exception {
    upstream.run(
        new Downstream<T>() {
          private long index;

          @Override
          public boolean push(T item) throws Exception {
            R result;
            try {
              result = fn.apply(item);
            } catch (Throwable t) {
              throw Failures.at(t, describe(), index);
            }
            index++;
            return down.push(result);
          }
        });
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
