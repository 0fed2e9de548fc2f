package dev.sluice.io;

import dev.sluice.Columns;
import dev.sluice.Row;
import dev.sluice.io.internal.RowAccess;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One CSV record with its header: the {@link Row} the CSV reader makes, every value a {@code
 * String} (an empty field is the empty string), fields by name or by index, in header order.
 * Immutable; rows of one run share their {@link Columns}. {@link #with(String, String)} makes a
 * changed copy.
 *
 * <p>A row read from a file keeps its fields as the characters the parser saw and makes a field's
 * {@code String} the first time it is asked for, so a run that passes most fields straight through
 * (CSV to JSON Lines, say) never creates most of them. Rows may be handed between threads; two
 * threads asking for the same field at once may each create its {@code String}, nothing worse.
 */
public final class CsvRow implements Row {
  static {
    RowAccess.set(
        new RowAccess.Fields() {
          @Override
          public String string(CsvRow row, int index) {
            String[] s = row.strings;
            return s == null ? null : s[index];
          }

          @Override
          public char[] chars(CsvRow row) {
            return row.chars;
          }

          @Override
          public int start(CsvRow row, int index) {
            return row.start(index);
          }

          @Override
          public int end(CsvRow row, int index) {
            return row.ends[index];
          }
        });
  }

  private final Columns header;

  /** The fields' characters, back to back. */
  private final char[] chars;

  /** Where each field ends in {@link #chars}; field i starts where field i - 1 ends. */
  private final int[] ends;

  /** Fields already made into strings or set by {@link #with}; null until the first. */
  private String[] strings;

  private final long line;

  CsvRow(Columns header, char[] chars, int[] ends, long line) {
    this(header, chars, ends, null, line);
  }

  private CsvRow(Columns header, char[] chars, int[] ends, String[] strings, long line) {
    this.header = header;
    this.chars = chars;
    this.ends = ends;
    this.strings = strings;
    this.line = line;
  }

  @Override
  public Columns columns() {
    return header;
  }

  /** The column names, in order. */
  public List<String> header() {
    return header.names();
  }

  /** The fields, in header order. */
  public List<String> fields() {
    String[] all = new String[size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = get(i);
    }
    return Collections.unmodifiableList(Arrays.asList(all));
  }

  /** The number of fields. */
  @Override
  public int size() {
    return ends.length;
  }

  /** The field at {@code index} (from 0). */
  @Override
  public String get(int index) {
    Objects.checkIndex(index, size());
    String[] s = strings;
    if (s == null) {
      s = new String[ends.length];
      strings = s;
    }
    String value = s[index];
    if (value == null) {
      int start = start(index);
      value = new String(chars, start, ends[index] - start);
      s[index] = value;
    }
    return value;
  }

  /**
   * The field of column {@code name}.
   *
   * @throws IllegalArgumentException if the header has no such column
   */
  @Override
  public String get(String name) {
    return get(header.indexOf(name));
  }

  /** The line (from 1) the record starts on. */
  @Override
  public long line() {
    return line;
  }

  /** A copy of this row with column {@code name} set to {@code value}. */
  public CsvRow with(String name, String value) {
    return with(header.indexOf(name), value);
  }

  /** A copy of this row with the field at {@code index} (from 0) set to {@code value}. */
  public CsvRow with(int index, String value) {
    Objects.checkIndex(index, size());
    Objects.requireNonNull(value, "value");
    String[] copy = strings == null ? new String[ends.length] : strings.clone();
    copy[index] = value;
    return new CsvRow(header, chars, ends, copy, line);
  }

  /**
   * A copy of this row with the value at {@code index} set to {@code value}: a {@code CsvRow} when
   * the value is a string, else a general {@link Row} of the same columns and line.
   */
  @Override
  public Row with(int index, Object value) {
    return value instanceof String s ? with(index, s) : Row.super.with(index, value);
  }

  /** Equal to any {@link Row} with the same names and values ({@link Row#equal}). */
  @Override
  public boolean equals(Object o) {
    return Row.equal(this, o);
  }

  @Override
  public int hashCode() {
    return Row.hash(this);
  }

  @Override
  public String toString() {
    return "CsvRow[line " + line + ", " + toMap() + "]";
  }

  private int start(int index) {
    return index == 0 ? 0 : ends[index - 1];
  }
}
