package dev.sluice.internal;

/** Closing with the error rule: a close failure is thrown alone or added to the run's failure. */
public final class Resources {
  private Resources() {}

  /**
   * Closes {@code resource}. If that fails and {@code failure} is not null, the close failure is
   * added to it as suppressed; otherwise the close failure is thrown.
   */
  public static void close(AutoCloseable resource, Throwable failure) {
    try {
      resource.close();
    } catch (Throwable t) {
      if (failure == null) {
        throw Failures.sneaky(t);
      }
      failure.addSuppressed(t);
    }
  }
}
