package dev.sluice.cli;

import dev.sluice.io.BadInputException;

/** Turns failures of the database commands into messages that never show a password. */
final class Failures {
  private Failures() {}

  /**
   * {@code e} itself if it is a usage, bad-input or refused-resume error, else a {@link
   * DatabaseException} whose message is the failure's (or its cause's) with every password of
   * {@code db} replaced by ***.
   */
  static RuntimeException redacted(RuntimeException e, DbOptions db) {
    if (e instanceof UsageException
        || e instanceof BadInputException
        || e instanceof dev.sluice.ResumeRefusedException) {
      return e;
    }
    Throwable shown = e;
    while (shown.getCause() != null
        && (shown instanceof dev.sluice.PipeException
                && !(shown instanceof dev.sluice.jdbc.JdbcException)
            || shown.getMessage() == null)) {
      shown = shown.getCause();
    }
    String message = shown.getMessage() != null ? shown.getMessage() : shown.toString();
    return new DatabaseException(db.describe() + ": " + db.redact(message));
  }

  /** A failure of the database, with a message that is safe to print: exit code 1. */
  static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(String message) {
      super(message, null, false, false);
    }
  }
}
