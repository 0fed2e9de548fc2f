package dev.sluice.internal;

/** {@code Pipe.range}: the longs from a start (inclusive) to an end (exclusive). */
public final class RangeSource extends Source<Long> {
  /** How many elements are pushed between two checks of the thread's interrupt flag. */
  private static final long CHECK_EVERY = 1024;

  private final long from;
  private final long to;

  public RangeSource(long from, long to) {
    super("range");
    this.from = from;
    this.to = to;
  }

  @Override
  public void run(Downstream<? super Long> downstream) throws Exception {
    Downstream<? super Long> down = Metering.wrap(this, downstream);
    long i = from;
    try {
      while (i < to) {
        CancelSignal.checkInterrupt();
        long end = Long.compareUnsigned(to - i, CHECK_EVERY) > 0 ? i + CHECK_EVERY : to;
        for (; i < end; i++) {
          if (!down.push(i)) {
            return;
          }
        }
      }
    } catch (Throwable t) {
      throw Failures.atElement(t, describe(), i - from);
    }
  }

  @Override
  public long knownSize() {
    if (from >= to) {
      return 0;
    }
    long size = to - from;
    return size < 0 ? Long.MAX_VALUE : size; // more than Long.MAX_VALUE: saturate
  }
}
