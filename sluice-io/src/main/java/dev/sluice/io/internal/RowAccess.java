package dev.sluice.io.internal;

import dev.sluice.io.CsvRow;

/**
 * How writers in this package read a {@link CsvRow}'s fields without making strings of them. {@code
 * CsvRow} registers the accessor when it is initialised, which has happened by the time anyone
 * holds a row; the accessor is not part of the public API.
 */
public final class RowAccess {
  /** Reads a row's fields. */
  public interface Fields {
    /** Field {@code index} as a string if the row has one for it (set or made), else null. */
    String string(CsvRow row, int index);

    /** The row's characters, in which a field without a string lies. */
    char[] chars(CsvRow row);

    /** Where field {@code index} starts in {@link #chars}. */
    int start(CsvRow row, int index);

    /** Where field {@code index} ends in {@link #chars}. */
    int end(CsvRow row, int index);
  }

  private static Fields fields;

  private RowAccess() {}

  /** Called once, by {@code CsvRow}. */
  public static void set(Fields access) {
    if (fields != null) {
      throw new IllegalStateException("already set");
    }
    fields = access;
  }

  static Fields fields() {
    return fields;
  }
}
