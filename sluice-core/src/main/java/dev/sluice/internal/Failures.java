package dev.sluice.internal;

import dev.sluice.PipeCancelledException;
import dev.sluice.PipeException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * The error rule of docs/adr/0001-errors.md: notes where failures come from, surfaces them once.
 */
public final class Failures {
  private Failures() {}

  /** Notes that {@code failure} came from {@code where} (a stage) and rethrows it unchanged. */
  public static RuntimeException at(Throwable failure, String where) {
    if (isNotable(failure) && note(failure) == null) {
      failure.addSuppressed(new FailureNote(where));
    }
    throw sneaky(failure);
  }

  /**
   * Notes that {@code failure} passed through {@code source} while it was on its {@code index}-th
   * element (from 0), and rethrows it unchanged. A failure of the source itself gets a note naming
   * the source.
   */
  public static RuntimeException atElement(Throwable failure, String source, long index) {
    if (isNotable(failure)) {
      FailureNote note = note(failure);
      if (note == null) {
        note = new FailureNote(source);
        failure.addSuppressed(note);
      }
      note.atSourceElement(source, index);
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
      if (Thread.currentThread().isInterrupted() && isInterruptEcho(unchecked)) {
        // An interrupt that a library wrapped unchecked (an UncheckedIOException around an
        // InterruptedIOException, say) on the way out: the run was cancelled.
        return new PipeCancelledException("run cancelled: " + unchecked, unchecked);
      }
      return unchecked;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    FailureNote note = note(failure);
    String message = note == null ? failure.toString() : failure + " (" + note.getMessage() + ")";
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

  private static boolean isInterruptEcho(Throwable failure) {
    Throwable t = failure.getCause();
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof InterruptedException
          || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNotable(Throwable failure) {
    return !(failure instanceof StopSignal) && !(failure instanceof CancelSignal);
  }

  private static FailureNote note(Throwable failure) {
    for (Throwable s : failure.getSuppressed()) {
      if (s instanceof FailureNote note) {
        return note;
      }
    }
    return null;
  }
}
