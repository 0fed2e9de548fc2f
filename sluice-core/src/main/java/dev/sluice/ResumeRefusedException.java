package dev.sluice;

/**
 * A resume that cannot continue safely: the saved checkpoint belongs to another job (other options,
 * another input), the input changed since, or the saved state is damaged. Nothing was written; the
 * message says what differs and how to start afresh. Unchecked, so it reaches the caller of a
 * terminal operation as is.
 */
public final class ResumeRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which says what differs and what to do. */
  public ResumeRefusedException(String message) {
    super(message);
  }
}
