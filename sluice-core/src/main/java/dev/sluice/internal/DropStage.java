package dev.sluice.internal;

/** {@code drop}: skips the first n elements. */
public final class DropStage<T> extends Operator<T, T> {
  private final long count;

  public DropStage(Source<T> upstream, long count) {
    super(upstream, "drop");
    this.count = count;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    upstream.run(
        new Downstream<T>() {
          private long seen;

          @Override
          public boolean push(T item) throws Exception {
            return seen++ < count || down.push(item);
          }
        });
  }

  @Override
  public long knownSize() {
    long size = upstream.knownSize();
    return size < 0 ? -1 : Math.max(0, size - count);
  }
}
