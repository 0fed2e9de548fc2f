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
  public void run(Downstream<? super R> downstream) throws Exception {
    Downstream<? super R> down = Metering.wrap(this, downstream);
    upstream.run(Specializer.create(MapPush.class, this, fn, down));
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
