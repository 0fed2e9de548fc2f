package dev.sluice.internal;

/** {@code take}: the first n elements; upstream is stopped right after the n-th. */
public final class TakeStage<T> extends Operator<T, T> {
  private final long limit;

  public TakeStage(Source<T> upstream, long limit) {
    super(upstream, "take");
    this.limit = limit;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    if (limit == 0) {
      return;
    }
    upstream.run(
        new Downstream<T>() {
          private long taken;

          @Override
          public boolean push(T item) throws Exception {
            taken++;
            return down.push(item) && taken < limit;
          }
        });
  }

  @Override
  public long knownSize() {
    long size = upstream.knownSize();
    return size < 0 ? -1 : Math.min(size, limit);
  }
}
