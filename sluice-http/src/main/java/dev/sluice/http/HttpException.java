package dev.sluice.http;

/**
 * A failure of an HTTP source, sink or relay: a status that is not retried, retries used up, a body
 * that breaks a limit or is not what was expected. The message names the URL, and where they apply
 * the status, the attempt and the setting to raise. Never contains a credential.
 */
public final class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** A failure with no HTTP status (a limit, a network error). */
  public HttpException(String message) {
    this(message, -1, null);
  }

  /** A failure with an HTTP status ({@code -1} if none) and a cause (or null). */
  public HttpException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status that failed, or -1 if the failure was not a status. */
  public int status() {
    return status;
  }
}
