package dev.sluice.jdbc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the database's metadata says about one table: its real name, its columns in order with their
 * {@link java.sql.Types} codes and quoted forms, and its primary key. Made by {@link
 * Jdbc#describe}; immutable.
 *
 * @param name the table's real name
 * @param columns the real names of its columns, in order
 * @param types the {@link java.sql.Types} code of each column
 * @param quoted each column quoted for SQL, as the driver quotes it
 * @param primaryKey the columns of its primary key in key order; empty if it has none
 */
public record TableInfo(
    String name,
    List<String> columns,
    Map<String, Integer> types,
    Map<String, String> quoted,
    List<String> primaryKey) {
  /** Checks every value; the collections are copied. */
  public TableInfo {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    types = Map.copyOf(types);
    quoted = Map.copyOf(quoted);
    primaryKey = List.copyOf(primaryKey);
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
