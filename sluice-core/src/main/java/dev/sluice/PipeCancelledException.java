package dev.sluice;

/**
 * Thrown by a terminal operation whose run was cancelled: its thread was interrupted (the interrupt
 * status is set again before this is thrown), or, with the concurrency stages, it timed out or was
 * cancelled from another thread. Everything the run opened has been closed when this is thrown.
 */
public class PipeCancelledException extends PipeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and an optional cause. */
  public PipeCancelledException(String message, Throwable cause) {
    super(message, cause);
  }
}
