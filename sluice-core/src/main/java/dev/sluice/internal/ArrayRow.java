package dev.sluice.internal;

import dev.sluice.Columns;
import dev.sluice.Row;
import java.util.Objects;

/** The general {@link Row}: values in an array the row owns. */
public final class ArrayRow implements Row {
  private final Columns columns;
  private final Object[] values;
  private final long line;

  /** A row over {@code values}, which the caller hands over and must not change. */
  public ArrayRow(Columns columns, Object[] values, long line) {
    this.columns = columns;
    this.values = values;
    this.line = line;
  }

  @Override
  public Columns columns() {
    return columns;
  }

  @Override
  public Object get(int index) {
    return values[Objects.checkIndex(index, values.length)];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public Row with(int index, Object value) {
    Object[] copy = values.clone();
    copy[Objects.checkIndex(index, copy.length)] = value;
    return new ArrayRow(columns, copy, line);
  }

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
    return "Row" + (line > 0 ? "[line " + line + "]" : "") + toMap();
  }
}
