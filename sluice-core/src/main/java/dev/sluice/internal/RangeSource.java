package dev.sluice.internal;

/** {@code Pipe.range}: the longs from a start (inclusive) to an end (exclusive). */
public final class RangeSource extends Source<Long> {
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
      for (; i < to; i++) {
        if (((i - from) & 0x3ff) == 0) {
          CancelSignal.checkInterrupt();
        }
        if (!down.push(i)) {
          return;
        }
      }
    } catch (Throwable t) {
      throw Failures.atElement(t, describe(), i - from);
    }
  }

  @Override
  public long knownSize() {
    return Math.max(0, to - from);
  }
}
