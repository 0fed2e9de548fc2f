package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.CheckedSupplier;

/** {@code Pipe.using}: opens a resource per run, runs the source built on it, closes it. */
public final class UsingSource<R extends AutoCloseable, T> extends Source<T> {
  private final CheckedSupplier<? extends R> open;
  private final CheckedFunction<? super R, Source<T>> use;

  public UsingSource(
      String name, CheckedSupplier<? extends R> open, CheckedFunction<? super R, Source<T>> use) {
    super(name);
    this.open = open;
    this.use = use;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    R resource;
    try {
      resource = open.get();
    } catch (Throwable t) {
      throw Failures.at(t, describe() + " opening the resource");
    }
    Throwable failure = null;
    try {
      Source<T> source;
      try {
        source = use.apply(resource);
      } catch (Throwable t) {
        throw Failures.at(t, describe() + " building the pipe on the resource");
      }
      source.run(down);
    } catch (Throwable t) {
      failure = t;
      throw t;
    } finally {
      if (resource != null) {
        Resources.close(resource, failure);
      }
    }
  }
}
