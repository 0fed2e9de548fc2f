package dev.sluice.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import dev.sluice.Columns;
import java.util.Arrays;

/**
 * Builds {@link CsvRow}s straight from FastCSV's parser: each field's characters are copied into
 * one array per record, and no {@code String} is made until someone asks for a field. Enforces
 * {@link CsvSettings#maxFields()}, {@link CsvSettings#maxFieldSize()} and {@link
 * CsvSettings#maxRecordSize()}, failing with a {@link BadInputException} that names the setting.
 * The first record becomes the header row ({@link #header} is null until the caller sets it).
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {
  private final String input;
  private final int maxFields;
  private final int maxFieldSize;
  private final int maxRecordSize;
  private final boolean lenient;
  private char[] chars = new char[256];
  private int[] ends = new int[16];
  private int length;
  Columns header;

  /** Added to FastCSV's line numbers: for a parser that starts in the middle of an input. */
  long lineShift;

  /** The line number of the last record begun: after the last record, one more than the lines. */
  long lastBegin;

  CsvRowHandler(String input, CsvSettings settings) {
    this.input = input;
    this.maxFields = settings.maxFields();
    this.maxFieldSize = settings.maxFieldSize();
    this.maxRecordSize = settings.maxRecordSize();
    this.lenient = settings.lenient();
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    length = 0;
    lastBegin = startingLineNumber;
  }

  @Override
  protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
    if (index >= maxFields) {
      throw tooBig("more than " + maxFields + " fields", "maxFields");
    }
    if (len > maxFieldSize) {
      throw tooBig(
          "a field of " + len + " characters (the limit is " + maxFieldSize + ")", "maxFieldSize");
    }
    int end = length + len;
    if (end > maxRecordSize || end < 0) {
      throw tooBig("more than " + maxRecordSize + " characters", "maxRecordSize");
    }
    if (end > chars.length) {
      chars = Arrays.copyOf(chars, (int) Math.min(Math.max(end, 2L * chars.length), maxRecordSize));
    }
    if (index >= ends.length) {
      ends = Arrays.copyOf(ends, Math.min(2 * ends.length, maxFields));
    }
    System.arraycopy(buf, offset, chars, length, len);
    length = end;
    ends[index] = end;
  }

  @Override
  protected CsvRow buildRecord() {
    if (getRecordType() != RecordType.DATA) {
      return null; // empty lines and comments are skipped
    }
    int fields = getFieldCount();
    // strictly, FastCSV checks the width after this (a bad-record handler may take it)
    int width = header == null || !lenient ? fields : header.size();
    if (fields > width) {
      throw new BadInputException(
          input,
          getStartingLineNumber() + lineShift,
          "the record has "
              + fields
              + " fields and the header "
              + width
              + "; lenient reading takes records shorter than the header, not longer (the"
              + " fields past the header would be lost)",
          null,
          null);
    }
    int[] fieldEnds = Arrays.copyOf(ends, width);
    Arrays.fill(fieldEnds, fields, width, length); // a short record's missing fields are empty
    return new CsvRow(
        header, Arrays.copyOf(chars, length), fieldEnds, getStartingLineNumber() + lineShift);
  }

  private BadInputException tooBig(String what, String setting) {
    return new BadInputException(
        input, getStartingLineNumber() + lineShift, "the record has " + what, setting, null);
  }
}
