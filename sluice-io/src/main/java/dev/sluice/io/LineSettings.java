package dev.sluice.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How {@link Lines} reads text: the charset, what ends a line, the longest line accepted, and what
 * to do with malformed bytes. Immutable; start from {@link #defaults()} and change with the {@code
 * with…} methods.
 *
 * <pre>{@code
 * LineSettings s = LineSettings.defaults().withCharset(UTF_16LE).withMaxLineLength(1 << 20);
 * }</pre>
 *
 * @param charset the charset of the bytes (default UTF-8)
 * @param delimiter what ends a line; empty (the default) means any of LF, CRLF and CR
 * @param maxLineLength the longest line accepted, in characters (default {@value
 *     #DEFAULT_MAX_LINE_LENGTH}); a longer one fails the run with an error naming {@code
 *     maxLineLength}
 * @param malformed what to do with bytes not valid in the charset (default {@link
 *     MalformedInput#REPORT})
 */
public record LineSettings(
    Charset charset, String delimiter, int maxLineLength, MalformedInput malformed) {
  /** The default for {@link #maxLineLength()}: 16 MiB characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 16 << 20;

  /** Checks the values. */
  public LineSettings {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(delimiter, "delimiter");
    Objects.requireNonNull(malformed, "malformed");
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be >= 1, was " + maxLineLength);
    }
  }

  /**
   * UTF-8, any line end, {@value #DEFAULT_MAX_LINE_LENGTH} characters, malformed bytes reported.
   */
  public static LineSettings defaults() {
    return new LineSettings(
        StandardCharsets.UTF_8, "", DEFAULT_MAX_LINE_LENGTH, MalformedInput.REPORT);
  }

  /** These settings with another charset. */
  public LineSettings withCharset(Charset charset) {
    return new LineSettings(charset, delimiter, maxLineLength, malformed);
  }

  /** These settings with lines ended by {@code delimiter} (empty: any of LF, CRLF and CR). */
  public LineSettings withDelimiter(String delimiter) {
    return new LineSettings(charset, delimiter, maxLineLength, malformed);
  }

  /** These settings with another longest line, in characters. */
  public LineSettings withMaxLineLength(int maxLineLength) {
    return new LineSettings(charset, delimiter, maxLineLength, malformed);
  }

  /** These settings with another policy for malformed bytes. */
  public LineSettings withMalformed(MalformedInput malformed) {
    return new LineSettings(charset, delimiter, maxLineLength, malformed);
  }
}
