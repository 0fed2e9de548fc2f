package dev.sluice.jdbc;

import dev.sluice.Columns;
import dev.sluice.Row;
import dev.sluice.jdbc.internal.TextValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the database's metadata says about one table: its real name, its columns in order with their
 * {@link java.sql.Types} codes and quoted forms, its primary key, its unique keys and which columns
 * may hold nulls. Made by {@link Jdbc#describe}; immutable.
 *
 * @param name the table's real name
 * @param columns the real names of its columns, in order
 * @param types the {@link java.sql.Types} code of each column; PostgreSQL's {@code timestamptz} and
 *     {@code timetz} (which pgjdbc reports as {@code TIMESTAMP} and {@code TIME}) as {@code
 *     TIMESTAMP_WITH_TIMEZONE} and {@code TIME_WITH_TIMEZONE}
 * @param quoted each column quoted for SQL, as the driver quotes it
 * @param primaryKey the columns of its primary key in key order; empty if it has none
 * @param uniqueKeys the column sets the database keeps unique: the primary key first (if any), then
 *     each unique index or constraint without a filter, each in index order
 * @param nullable the columns the metadata says may hold nulls
 * @param view whether it is a view (or materialized view), whose metadata has no keys
 */
public record TableInfo(
    String name,
    List<String> columns,
    Map<String, Integer> types,
    Map<String, String> quoted,
    List<String> primaryKey,
    List<List<String>> uniqueKeys,
    Set<String> nullable,
    boolean view) {
  /** Checks every value; the collections are copied. */
  public TableInfo {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    types = Map.copyOf(types);
    quoted = Map.copyOf(quoted);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    nullable = Set.copyOf(nullable);
  }

  /**
   * Whether rows can be paged by {@code key} (real column names) without losing any: it contains
   * one of the {@link #uniqueKeys} and none of its columns is {@link #nullable}. Keyset paging
   * reads {@code WHERE key > last}, so rows that share the last key of a page are skipped, and a
   * null key never matches.
   */
  public boolean isKeysetKey(List<String> key) {
    return !key.isEmpty() && whyNotKeysetKey(key) == null;
  }

  /**
   * Throws {@link IllegalArgumentException} naming the table, the key and the unique keys the table
   * has (suggesting the primary key) unless {@link #isKeysetKey} holds for {@code key}.
   */
  public void requireKeysetKey(List<String> key) {
    String why = key.isEmpty() ? "no key was given" : whyNotKeysetKey(key);
    if (why != null) {
      throw new IllegalArgumentException(
          "key "
              + key
              + " of table '"
              + name
              + "' cannot page a keyset: "
              + why
              + "; keyset paging needs a NOT NULL unique key (rows sharing a key would be"
              + " skipped). The table's unique keys: "
              + (uniqueKeys.isEmpty() ? "none" : uniqueKeys)
              + (primaryKey.isEmpty()
                  ? "; add a primary key or a unique index"
                  : "; use the primary key " + primaryKey));
    }
  }

  /**
   * A keyset {@link TableQuery} of this table, paged by {@code key} (column names as a user gives
   * them, {@link #column matched}; the primary key when empty), keeping the rows where each column
   * of {@code equal} holds its text: parsed to the column's type ({@link #valueOf}) and bound, an
   * empty text matching NULL.
   *
   * @throws IllegalArgumentException if no key is given and the table has no primary key, if the
   *     key cannot page a keyset ({@link #requireKeysetKey}), or if a text does not parse to its
   *     column's type (the message names the column)
   * @throws JdbcException if a column is unknown
   */
  public TableQuery keysetQuery(List<String> key, Map<String, String> equal) {
    List<String> real = key.stream().map(this::column).toList();
    if (real.isEmpty()) {
      real = primaryKey;
    }
    if (real.isEmpty()) {
      throw new IllegalArgumentException(
          "table " + name + " has no primary key; name a unique key");
    }
    requireKeysetKey(real);
    List<String> terms = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    equal.forEach(
        (given, text) -> {
          String column = column(given);
          if (text.isEmpty()) {
            terms.add(quoted.get(column) + " IS NULL");
            return;
          }
          try {
            params.add(valueOf(column, text, true));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + column + ": " + e.getMessage(), e);
          }
          terms.add(quoted.get(column) + " = ?");
        });
    return TableQuery.of(name, real.toArray(String[]::new))
        .withWhere(String.join(" AND ", terms), params.toArray());
  }

  private String whyNotKeysetKey(List<String> key) {
    if (view) {
      return null;
    }
    Set<String> columns = new HashSet<>(key);
    if (uniqueKeys.stream().noneMatch(columns::containsAll)) {
      return "it is neither the primary key nor covered by a unique index or constraint";
    }
    List<String> nulls = key.stream().filter(nullable::contains).toList();
    if (!nulls.isEmpty() && !primaryKey.containsAll(nulls)) {
      return "column(s) " + nulls + " may hold NULL";
    }
    return null;
  }

  /**
   * {@code value} as a value of column {@code column} (a real name) to bind: text parsed by the
   * column's SQL type (integers, decimals, floats, booleans {@code true/t/1/yes} and {@code
   * false/f/0/no}, ISO-8601 dates, times and timestamps, base64 binary; other types as the text); a
   * boolean for a boolean column as it is; any other value parsed from its {@link Row#textOf text}.
   * Null is NULL; empty text is NULL when {@code emptyIsNull} (CSV, where an empty field is all
   * NULL can be), else an empty string for a text column and NULL for others (JSON, where {@code
   * ""} and {@code null} differ).
   *
   * @throws IllegalArgumentException naming the type if the text does not parse
   */
  public Object valueOf(String column, Object value, boolean emptyIsNull) {
    int type = types.getOrDefault(column, java.sql.Types.VARCHAR);
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b
        && (type == java.sql.Types.BOOLEAN || type == java.sql.Types.BIT)) {
      return b;
    }
    String text = Row.textOf(value);
    return emptyIsNull ? TextValues.parse(text, type) : TextValues.parseKeepingEmpty(text, type);
  }

  /**
   * {@code row} as a row of this table: each name resolved to its column's real name ({@link
   * #column}) and each value converted by {@link #valueOf}.
   *
   * @throws JdbcException naming the field if a name is not a column of the table
   * @throws IllegalArgumentException naming the column and the type if a value does not parse
   */
  public Row typed(Row row, boolean emptyIsNull) {
    int n = row.size();
    String[] names = new String[n];
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      String field = row.columns().name(i);
      try {
        names[i] = column(field);
      } catch (JdbcException e) {
        throw new JdbcException(
            "field '" + field + "' is not a column of table " + name + " " + columns);
      }
      try {
        values[i] = valueOf(names[i], row.get(i), emptyIsNull);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("column " + names[i] + ": " + e.getMessage(), e);
      }
    }
    // the input's names are usually the table's own: keep its Columns rather than make one per row
    boolean same = true;
    for (int i = 0; i < n && same; i++) {
      same = names[i].equals(row.columns().name(i));
    }
    return Row.of(row.line(), same ? row.columns() : Columns.of(names), values);
  }

  /**
   * The real name of {@code column}: itself, else the only column equal to it ignoring case; throws
   * {@link JdbcException} naming it and listing the columns if there is none or more than one.
   */
  public String column(String column) {
    String folded = null;
    int count = 0;
    for (String c : columns) {
      if (c.equals(column)) {
        return c;
      }
      if (c.equalsIgnoreCase(column)) {
        folded = c;
        count++;
      }
    }
    if (count == 1) {
      return folded;
    }
    throw new JdbcException(
        (count > 1 ? "ambiguous" : "no")
            + " column named '"
            + column
            + "' in table "
            + name
            + " (columns "
            + columns
            + ")");
  }
}
