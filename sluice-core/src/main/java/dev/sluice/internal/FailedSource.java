package dev.sluice.internal;

import dev.sluice.CheckedSupplier;

/** {@code Pipe.failed}: a source whose every run fails with a fresh failure. */
public final class FailedSource<T> extends Source<T> {
  private final CheckedSupplier<? extends Throwable> failure;

  public FailedSource(CheckedSupplier<? extends Throwable> failure) {
    super("failed");
    this.failure = failure;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    throw Failures.sneaky(failure.get());
  }
}
