package dev.sluice.internal;

import java.util.Collection;
import java.util.Iterator;

/**
 * {@code Pipe.from(Iterable)}: a fresh iterator each run; closed if it is {@code AutoCloseable}.
 */
public final class IterableSource<T> extends Source<T> {
  private final Iterable<? extends T> iterable;

  public IterableSource(Iterable<? extends T> iterable) {
    super("from");
    this.iterable = iterable;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    Iterator<? extends T> it;
    try {
      it = iterable.iterator();
    } catch (Throwable t) {
      throw Failures.at(t, describe());
    }
    push(it, down, describe());
  }

  /** Pushes what {@code it} yields, closing it at the end if it is {@code AutoCloseable}. */
  static <T> void push(Iterator<? extends T> it, Downstream<? super T> down, String where)
      throws Exception {
    Throwable failure = null;
    long index = 0;
    try {
      for (; it.hasNext(); index++) {
        CancelSignal.checkInterrupt();
        if (!down.push(it.next())) {
          return;
        }
      }
    } catch (Throwable t) {
      failure = t;
      throw Failures.atElement(t, where, index);
    } finally {
      if (it instanceof AutoCloseable closeable) {
        Resources.close(closeable, failure);
      }
    }
  }

  @Override
  public long knownSize() {
    return iterable instanceof Collection<?> c ? c.size() : -1;
  }
}
