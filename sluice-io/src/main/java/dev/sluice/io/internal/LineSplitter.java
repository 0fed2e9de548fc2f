package dev.sluice.io.internal;

import dev.sluice.io.BadInputException;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits decoded text into lines without ever holding more than {@code maxLineLength} characters of
 * one line: on LF, CRLF and CR, or on a custom delimiter. A final line without a delimiter is a
 * line; a delimiter at the very end does not start an empty one. Not thread-safe.
 */
public final class LineSplitter {
  private final Reader reader;
  private final String delimiter;
  private final int maxLineLength;
  private final String input;
  private final char[] buf = new char[1 << 14];
  private final StringBuilder carry = new StringBuilder();
  private int pos;
  private int limit;
  private boolean skipLf;
  private boolean eof;
  private long line;

  /**
   * A splitter over {@code reader}; {@code delimiter} empty means any of LF, CRLF and CR. {@code
   * input} names the input in errors.
   */
  public LineSplitter(Reader reader, String delimiter, int maxLineLength, String input) {
    this.reader = reader;
    this.delimiter = delimiter;
    this.maxLineLength = maxLineLength;
    this.input = input;
  }

  /**
   * This splitter numbering its lines after {@code lines} lines (for a splitter that starts in the
   * middle of an input); call before the first {@link #next}.
   */
  public LineSplitter numberedAfter(long lines) {
    line = lines;
    return this;
  }

  /** The number of lines returned so far, so the number of the last one. */
  public long line() {
    return line;
  }

  /** The next line without its delimiter, or {@code null} at the end of the input. */
  public String next() throws IOException {
    String result = delimiter.isEmpty() ? nextAnyLineEnd() : nextDelimited();
    if (result != null) {
      line++;
    }
    return result;
  }

  private String nextAnyLineEnd() throws IOException {
    carry.setLength(0);
    boolean partial = false;
    while (true) {
      if (pos >= limit && !fill()) {
        return partial ? carry.toString() : null;
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      int start = pos;
      int i = start;
      while (i < limit && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      checkLength(carry.length() + (i - start));
      if (i < limit) {
        skipLf = buf[i] == '\r';
        pos = i + 1;
        if (!partial) {
          return new String(buf, start, i - start);
        }
        return carry.append(buf, start, i - start).toString();
      }
      carry.append(buf, start, i - start);
      partial = true;
      pos = limit;
    }
  }

  private String nextDelimited() throws IOException {
    carry.setLength(0);
    int d = delimiter.length();
    char last = delimiter.charAt(d - 1);
    while (true) {
      if (pos >= limit && !fill()) {
        return carry.isEmpty() ? null : carry.toString();
      }
      char c = buf[pos++];
      carry.append(c);
      if (c == last && endsWithDelimiter()) {
        carry.setLength(carry.length() - d);
        return carry.toString();
      }
      checkLength(carry.length() - d + 1);
    }
  }

  private boolean endsWithDelimiter() {
    int d = delimiter.length();
    int n = carry.length();
    if (n < d) {
      return false;
    }
    for (int k = 0; k < d; k++) {
      if (carry.charAt(n - d + k) != delimiter.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void checkLength(int length) {
    if (length > maxLineLength) {
      throw new BadInputException(
          input,
          line + 1,
          "line longer than maxLineLength (" + maxLineLength + " characters)",
          "maxLineLength",
          null);
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    try {
      n = reader.read(buf, 0, buf.length);
    } catch (DecodingReader.MalformedBytesException e) {
      throw new BadInputException(input, line + 1, e.getMessage(), null, e);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
