package dev.sluice.internal;

/**
 * A suppressed note on a failure that says which stage raised it and on which element. It has no
 * stack trace of its own; it only shows in the failure's printout.
 */
public final class FailureNote extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FailureNote(String message) {
    super(message, null, false, false);
  }
}
