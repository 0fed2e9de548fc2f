package dev.sluice.io.internal;

import dev.sluice.io.BadInputException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns FastCSV's exceptions into {@link BadInputException}s that name the line and setting. */
public final class CsvErrors {
  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  /** FastCSV's "Record N has": N is the line the record starts on, not a record count. */
  private static final Pattern RECORD = Pattern.compile("Record (\\d+) has");

  private CsvErrors() {}

  /**
   * The {@link BadInputException} for {@code failure}, or {@code failure} itself when it is not
   * about the input. {@code lastLine} is the start line of the last record read.
   */
  public static RuntimeException translate(RuntimeException failure, String input, long lastLine) {
    return translate(failure, input, lastLine, 0);
  }

  /**
   * Like {@link #translate(RuntimeException, String, long)} for a parser that started in the middle
   * of the input: {@code lineShift} is added to the line numbers FastCSV names ({@code lastLine} is
   * already a line of the whole input).
   */
  public static RuntimeException translate(
      RuntimeException failure, String input, long lastLine, long lineShift) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BadInputException bad) {
        return bad; // ours, perhaps wrapped by FastCSV on its way out of the parser
      }
    }
    if (failure instanceof UncheckedIOException io
        && io.getCause() instanceof DecodingReader.MalformedBytesException bad) {
      return new BadInputException(
          input, -1, bad.getMessage() + " (after the record at line " + lastLine + ")", null, bad);
    }
    if (!failure.getClass().getName().startsWith("de.siegmar.fastcsv")) {
      return failure;
    }
    String message = describe(failure);
    if (lineShift != 0) {
      message =
          LINE.matcher(message).replaceAll(m -> "line " + (Long.parseLong(m.group(1)) + lineShift));
      message =
          RECORD
              .matcher(message)
              .replaceAll(m -> "Record " + (Long.parseLong(m.group(1)) + lineShift) + " has");
    }
    Matcher record = RECORD.matcher(message);
    long line;
    if (record.find()) {
      line = Long.parseLong(record.group(1));
      message = record.replaceFirst("the record has");
    } else {
      line = lineOf(message, lastLine);
    }
    return new BadInputException(input, line, message, settingOf(message), failure);
  }

  private static String describe(Throwable failure) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().startsWith("Exception when reading")) {
        sb.append(sb.isEmpty() ? "" : ": ").append(t.getMessage());
      }
    }
    return sb.isEmpty() ? String.valueOf(failure.getMessage()) : sb.toString();
  }

  private static long lineOf(String message, long lastLine) {
    Matcher m = LINE.matcher(message);
    long line = -1;
    while (m.find()) {
      line = Long.parseLong(m.group(1));
    }
    return line > 0 ? line : lastLine + 1;
  }

  private static String settingOf(String message) {
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("max field size")) {
      return "maxFieldSize";
    } else if (lower.contains("max record size")) {
      return "maxRecordSize";
    } else if (lower.contains("limit of") && lower.contains("fields")) {
      return "maxFields";
    } else if (lower.contains("buffer")) {
      return "maxBufferSize";
    } else if (lower.contains("fields, but")) {
      return "lenient";
    } else if (lower.contains("quote")) {
      return "lenient";
    }
    return null;
  }
}
