package dev.sluice.internal;

import dev.sluice.PipeCancelledException;

/**
 * Which failures the errors-as-values operators ({@code mapAttempt}, {@code mapOrDeadLetter},
 * {@code recover}) turn into values: every {@link Exception} except an interrupt or a cancellation,
 * which still cancel the run. Errors (and the internal stop and cancel signals) are never caught.
 */
final class Attempts {
  private Attempts() {}

  /** Whether {@code failure} may become a value instead of ending the run. */
  static boolean isValue(Throwable failure) {
    return failure instanceof Exception
        && !(failure instanceof InterruptedException)
        && !(failure instanceof PipeCancelledException);
  }

  /** Counts one failure the run went on past, for the {@code onProgress} below, if any. */
  static void count(RunMeter meter) {
    if (meter != null) {
      meter.failed();
    }
  }
}
