package dev.sluice.internal;

/**
 * Thrown where a run notices that its thread was interrupted between blocking calls (an emit, a
 * source step). An {@link Error} so user code does not swallow it; the runner turns it into a
 * {@link dev.sluice.PipeCancelledException}.
 */
public final class CancelSignal extends Error {
  private static final long serialVersionUID = 1L;
  static final CancelSignal INSTANCE = new CancelSignal();

  private CancelSignal() {
    super("run cancelled: its thread was interrupted", null, false, false);
  }

  /** Throws the cancel signal if the current thread has been interrupted. */
  public static void checkInterrupt() {
    if (Thread.currentThread().isInterrupted()) {
      throw INSTANCE;
    }
  }
}
