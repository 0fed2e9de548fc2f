package dev.sluice.io;

/**
 * Input that a reader cannot accept: malformed bytes, a CSV or JSON syntax error, a row that does
 * not fit its header, or a value past a limit. The message names the input, the position (line,
 * record or byte offset) and the problem; for a limit, {@link #setting()} names the setting to
 * raise. Unchecked, so it reaches the caller of a terminal operation as is.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final long line;
  private final String setting;

  /**
   * Creates an exception.
   *
   * @param input the name of the input (a path, {@code <stdin>})
   * @param line the line (from 1) the problem is on or starts at, or -1 when unknown
   * @param problem what is wrong, including any further position
   * @param setting the name of the limit that was exceeded, or {@code null}
   * @param cause the underlying exception, or {@code null}
   */
  public BadInputException(
      String input, long line, String problem, String setting, Throwable cause) {
    super(message(input, line, problem, setting), cause);
    this.input = input;
    this.line = line;
    this.setting = setting;
  }

  /** The name of the input: a path or {@code <stdin>}. */
  public String input() {
    return input;
  }

  /** The line (from 1) where the problem is or starts, or -1 when unknown. */
  public long line() {
    return line;
  }

  /** The name of the setting whose limit was exceeded, or {@code null} for other problems. */
  public String setting() {
    return setting;
  }

  private static String message(String input, long line, String problem, String setting) {
    StringBuilder sb = new StringBuilder(input);
    if (line > 0) {
      sb.append(": line ").append(line);
    }
    sb.append(": ").append(problem);
    if (setting != null && !problem.contains(setting)) {
      sb.append(" (setting: ").append(setting).append(')');
    }
    return sb.toString();
  }
}
