package dev.sluice.jdbc;

import dev.sluice.PipeException;

/**
 * A database failure raised by a JDBC source or sink, wrapped once at the connector edge. The
 * message names the table and, where it applies, the page, batch and key; the cause is the driver's
 * {@link java.sql.SQLException} when there is one.
 */
public class JdbcException extends PipeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and the driver's cause. */
  public JdbcException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message. */
  public JdbcException(String message) {
    super(message);
  }
}
