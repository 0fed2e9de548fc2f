package dev.sluice.internal;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code Pipe.from(Iterator)} and {@code Pipe.from(Stream)}: sources that can be read only once. A
 * second run fails with {@link IllegalStateException}; a stream is closed when its run ends.
 */
public final class OnceSource<T> extends Source<T> {
  private final Iterator<? extends T> iterator;
  private final Stream<? extends T> stream;
  private final AtomicBoolean used = new AtomicBoolean();

  private OnceSource(String name, Iterator<? extends T> iterator, Stream<? extends T> stream) {
    super(name);
    this.iterator = iterator;
    this.stream = stream;
  }

  public static <T> OnceSource<T> of(Iterator<? extends T> iterator) {
    return new OnceSource<>("from(Iterator)", iterator, null);
  }

  public static <T> OnceSource<T> of(Stream<? extends T> stream) {
    return new OnceSource<>("from(Stream)", null, stream);
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException(
          describe() + " can run only once; use Pipe.from(Iterable) or Pipe.generate to re-run");
    }
    if (stream == null) {
      IterableSource.push(iterator, down, describe());
      return;
    }
    Throwable failure = null;
    try {
      IterableSource.push(stream.iterator(), down, describe());
    } catch (Throwable t) {
      failure = t;
      throw t;
    } finally {
      Resources.close(stream, failure);
    }
  }
}
