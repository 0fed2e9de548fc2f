package dev.sluice.internal;

import dev.sluice.PipeCancelledException;
import dev.sluice.PipeException;

/**
 * The error rule of docs/adr/0001-errors.md: notes where failures come from, surfaces them once.
 */
public final class Failures {
  private Failures() {}

  /**
   * Notes that {@code failure} came from {@code where} (a stage's description) on its {@code
   * index}-th element (from 0) and rethrows it unchanged. Declared to return so callers can write
   * {@code throw Failures.at(...)}.
   */
  public static RuntimeException at(Throwable failure, String where, long index) {
    return at(failure, where + " on element " + (index + 1) + " (counting from 1)");
  }

  /** Notes that {@code failure} came from {@code where} and rethrows it unchanged. */
  public static RuntimeException at(Throwable failure, String where) {
    if (!(failure instanceof StopSignal) && !(failure instanceof CancelSignal) && !noted(failure)) {
      failure.addSuppressed(new FailureNote("in " + where));
    }
    throw sneaky(failure);
  }

  /** What a lifecycle hook sees of a failure: the cancel signal as a cancellation exception. */
  public static Throwable visible(Throwable failure) {
    return failure instanceof CancelSignal
        ? new PipeCancelledException(failure.getMessage(), null)
        : failure;
  }

  /**
   * Turns a run's failure into what a terminal operation throws: unchecked failures as they are,
   * checked ones wrapped once in {@link PipeException}, cancellations as {@link
   * PipeCancelledException} with the interrupt status set. Errors are thrown from here directly.
   */
  public static RuntimeException surface(Throwable failure) {
    if (failure instanceof CancelSignal) {
      Thread.currentThread().interrupt();
      return new PipeCancelledException("run cancelled: its thread was interrupted", null);
    }
    if (failure instanceof StopSignal) {
      return new IllegalStateException(
          "an emitter was used after its generator was told to stop", failure);
    }
    if (failure instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new PipeCancelledException("run cancelled: " + failure, failure);
    }
    if (failure instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    String message = failure + note(failure);
    if (Thread.currentThread().isInterrupted()) {
      return new PipeCancelledException("run cancelled: " + message, failure);
    }
    return new PipeException(message, failure);
  }

  /**
   * Adds {@code next} to {@code first} as suppressed, or returns {@code next} when first is null.
   */
  public static Throwable combine(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (first != next) {
      first.addSuppressed(next);
    }
    return first;
  }

  /** Throws any throwable without declaring it. */
  @SuppressWarnings("unchecked")
  public static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
    throw (E) failure;
  }

  private static boolean noted(Throwable failure) {
    for (Throwable s : failure.getSuppressed()) {
      if (s instanceof FailureNote) {
        return true;
      }
    }
    return false;
  }

  private static String note(Throwable failure) {
    for (Throwable s : failure.getSuppressed()) {
      if (s instanceof FailureNote) {
        return " (" + s.getMessage() + ")";
      }
    }
    return "";
  }
}
