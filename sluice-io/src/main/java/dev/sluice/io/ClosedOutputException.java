package dev.sluice.io;

import java.io.IOException;

/**
 * A stream output stopped taking bytes: the reader of a pipe went away ({@code | head}), or the
 * disk under it is full. Thrown by the first write that fails, so a run stops at once instead of
 * producing the rest of its output into nowhere.
 */
public final class ClosedOutputException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception for the output named {@code output} ({@code <stdout>}, say). */
  public ClosedOutputException(String output) {
    super("writing to " + output + " failed: it was closed (a closed pipe or a full disk)");
  }
}
