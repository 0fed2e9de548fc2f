package dev.sluice;

import dev.sluice.internal.ArrayRow;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record of named values: the row model that readers produce and writers consume, whatever the
 * format (a CSV record, a JSON Lines object, a table row). Immutable; {@link #with} makes a changed
 * copy. Rows may be handed between threads.
 *
 * <p>A value is {@code null} or what its source knows it to be:
 *
 * <ul>
 *   <li>CSV: a {@code String} for every field (an empty field is the empty string);
 *   <li>JSON Lines: {@code String}, {@code Boolean}, {@code Long} or {@code BigInteger} for an
 *       integer, {@code BigDecimal} for a number with a fraction or exponent, and, for a nested
 *       array or object, the reader's tree (Jackson's {@code JsonNode});
 *   <li>a table: the driver's value with time read without the JVM's zone ({@code LocalDateTime},
 *       {@code OffsetDateTime} in UTC, {@code LocalDate}, ...), {@code byte[]} for binary.
 * </ul>
 *
 * <p>Every writer renders a value as text in one way, {@link #textOf}, so a value looks the same in
 * every format and command. Two rows are {@linkplain #equal equal} when their names and values are.
 *
 * <pre>{@code
 * Row row = Row.of(Columns.of("id", "email"), 7L, "a@example.com");
 * row.get("email");              // "a@example.com"
 * row.with("email", "***").text(1);  // "***"
 * }</pre>
 */
public interface Row {
  /** The column names; rows of one run share one instance. */
  Columns columns();

  /** The value at {@code index} (from 0), or null. */
  Object get(int index);

  /** The number of values (the number of columns). */
  default int size() {
    return columns().size();
  }

  /** The column names, in order. */
  default List<String> names() {
    return columns().names();
  }

  /**
   * The value of the first column called {@code name}, or null.
   *
   * @throws IllegalArgumentException naming the columns if there is no such column
   */
  default Object get(String name) {
    return get(columns().indexOf(name));
  }

  /** The value at {@code index} as {@link #textOf text}: null for null. */
  default String text(int index) {
    return textOf(get(index));
  }

  /** The value of column {@code name} as {@link #textOf text}: null for null. */
  default String text(String name) {
    return text(columns().indexOf(name));
  }

  /** The line (from 1) the row starts on in its input, or -1 if it did not come from text. */
  default long line() {
    return -1;
  }

  /** A copy of this row with the value at {@code index} set to {@code value} (null allowed). */
  default Row with(int index, Object value) {
    Objects.checkIndex(index, size());
    Object[] values = new Object[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i == index ? value : get(i);
    }
    return new ArrayRow(columns(), values, line());
  }

  /** A copy of this row with the first column called {@code name} set to {@code value}. */
  default Row with(String name, Object value) {
    return with(columns().indexOf(name), value);
  }

  /** The values, in column order (unmodifiable; null values allowed). */
  default List<Object> values() {
    Object[] values = new Object[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** The values by column name, in column order, in a new map (a repeated name keeps its first). */
  default Map<String, Object> toMap() {
    Map<String, Object> map = LinkedHashMap.newLinkedHashMap(size());
    for (int i = 0, n = size(); i < n; i++) {
      map.putIfAbsent(columns().name(i), get(i));
    }
    return map;
  }

  /**
   * A row of {@code values} under {@code columns} (the array is copied).
   *
   * @throws IllegalArgumentException if there are not as many values as columns
   */
  static Row of(Columns columns, Object... values) {
    return of(-1, columns, values);
  }

  /** Like {@link #of(Columns, Object...)}, for a row that starts on {@code line} of its input. */
  static Row of(long line, Columns columns, Object... values) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(values, "values");
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.size() + " columns " + columns);
    }
    return new ArrayRow(columns, values.clone(), line);
  }

  /** A row of the entries of {@code map}, in its iteration order. */
  static Row of(Map<String, ?> map) {
    Objects.requireNonNull(map, "map");
    return new ArrayRow(Columns.of(List.copyOf(map.keySet())), map.values().toArray(), -1);
  }

  /**
   * A value as text, the one rendering every writer uses: null stays null; a {@code String} is
   * itself; a {@code BigDecimal} is written plainly, every digit and the scale kept ({@code 2.50},
   * {@code 1e5} as {@code 100000}), unless its digits and scale add up past 1,000 (an 18-byte
   * {@code 1e999999999} would be a billion digits), then with an exponent; {@code byte[]} is
   * base64; anything else its {@code toString()} (ISO-8601 for {@code java.time} values, {@code
   * true}/{@code false}, and a JSON tree's compact JSON).
   */
  static String textOf(Object value) {
    // tests in order of frequency, not a pattern switch: this runs for every cell written
    if (value instanceof String s) {
      return s;
    } else if (value == null) {
      return null;
    } else if (value instanceof BigDecimal d) {
      return plain(d);
    } else if (value instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    return value.toString();
  }

  /**
   * Whether {@code row} and {@code other} are equal rows: {@code other} is a {@link Row} with equal
   * names and equal values ({@code byte[]} by content). For implementations' {@code equals}.
   */
  static boolean equal(Row row, Object other) {
    if (row == other) {
      return true;
    }
    if (!(other instanceof Row that) || !row.columns().equals(that.columns())) {
      return false;
    }
    for (int i = 0, n = row.size(); i < n; i++) {
      if (!Objects.deepEquals(row.get(i), that.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The hash code of {@code row} consistent with {@link #equal}. For implementations. */
  static int hash(Row row) {
    int h = row.columns().hashCode();
    for (int i = 0, n = row.size(); i < n; i++) {
      Object v = row.get(i);
      h = 31 * h + (v instanceof byte[] b ? Arrays.hashCode(b) : Objects.hashCode(v));
    }
    return h;
  }

  private static String plain(BigDecimal d) {
    long digits = (long) d.precision() + Math.abs((long) d.scale());
    return digits <= 1000 ? d.toPlainString() : d.toString();
  }
}
