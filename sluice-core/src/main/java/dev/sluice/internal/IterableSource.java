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
  public void run(Downstream<? super T> down) throws Exception {
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
    try {
      long index = 0;
      while (true) {
        CancelSignal.checkInterrupt();
        T item;
        try {
          if (!it.hasNext()) {
            return;
          }
          item = it.next();
        } catch (Throwable t) {
          throw Failures.at(t, where, index);
        }
        index++;
        if (!down.push(item)) {
          return;
        }
      }
    } catch (Throwable t) {
      failure = t;
      throw t;
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
