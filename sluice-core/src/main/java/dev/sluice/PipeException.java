package dev.sluice;

/**
 * The unchecked exception a terminal operation throws for a checked exception raised inside a run.
 *
 * <p>The rule (docs/adr/0001-errors.md): an unchecked exception or error raised by user code or a
 * connector reaches the caller as is, the same object, with a suppressed note that names the stage
 * and the element; a checked exception is wrapped exactly once in a {@code PipeException} whose
 * {@link #getCause() cause} is the original and whose message carries the same note. A run
 * cancelled by an interrupt, a timeout or a cancellation handle ends with a {@link
 * PipeCancelledException}.
 */
public class PipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and the original cause. */
  public PipeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message. */
  public PipeException(String message) {
    super(message);
  }
}
