package dev.sluice;

/**
 * Thrown by a terminal operation whose run outlived its {@link Pipe#timeout(java.time.Duration)}.
 * Everything the run started has ended and everything it opened has closed when this is thrown; the
 * calling thread's interrupt status is left as it was.
 */
public class PipeTimeoutException extends PipeCancelledException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and an optional cause. */
  public PipeTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
