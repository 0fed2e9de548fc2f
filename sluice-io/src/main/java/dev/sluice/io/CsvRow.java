package dev.sluice.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CSV record with its header: fields by name or by index, in header order. Immutable; rows of
 * one run share their header. {@link #with(String, String)} makes a changed copy.
 */
public final class CsvRow {
  private final CsvHeader header;
  private final String[] fields;
  private final long line;

  CsvRow(CsvHeader header, String[] fields, long line) {
    this.header = header;
    this.fields = fields;
    this.line = line;
  }

  /** The column names, in order. */
  public List<String> header() {
    return header.names();
  }

  /** The fields, in header order. */
  public List<String> fields() {
    return Collections.unmodifiableList(java.util.Arrays.asList(fields));
  }

  /** The number of fields. */
  public int size() {
    return fields.length;
  }

  /** The field at {@code index} (from 0). */
  public String get(int index) {
    return fields[index];
  }

  /**
   * The field of column {@code name}.
   *
   * @throws IllegalArgumentException if the header has no such column
   */
  public String get(String name) {
    return fields[header.indexOf(name)];
  }

  /** The line (from 1) the record starts on. */
  public long line() {
    return line;
  }

  /** A copy of this row with column {@code name} set to {@code value}. */
  public CsvRow with(String name, String value) {
    return with(header.indexOf(name), value);
  }

  /** A copy of this row with the field at {@code index} (from 0) set to {@code value}. */
  public CsvRow with(int index, String value) {
    Objects.checkIndex(index, fields.length);
    String[] copy = fields.clone();
    copy[index] = Objects.requireNonNull(value, "value");
    return new CsvRow(header, copy, line);
  }

  /** The fields by column name, in header order, in a new map. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i++) {
      map.put(header.names().get(i), fields[i]);
    }
    return map;
  }

  @Override
  public String toString() {
    return "CsvRow[line " + line + ", " + toMap() + "]";
  }
}
