package dev.sluice.internal;

/** {@code Pipe.of}: the elements of an array (copied when the pipe is built). */
public final class ArraySource<T> extends Source<T> {
  private final T[] items;

  public ArraySource(T[] items) {
    super("of");
    this.items = items;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    int i = 0;
    try {
      for (; i < items.length; i++) {
        CancelSignal.checkInterrupt();
        if (!down.push(items[i])) {
          return;
        }
      }
    } catch (Throwable t) {
      throw Failures.atElement(t, describe(), i);
    }
  }

  @Override
  public long knownSize() {
    return items.length;
  }
}
