package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table the caller named, checked against the database's metadata: its real name, its columns,
 * and how each is quoted for SQL. Names the caller gives are never spliced into SQL; only names the
 * metadata returned, quoted with {@link Statement#enquoteIdentifier(String, boolean)}.
 *
 * <p>A name matches exactly, or else the one table (column) whose name equals it ignoring case, in
 * the connection's current schema.
 */
public final class TableRef {
  private final String name;
  private final String sql;
  private final List<String> columns;
  private final Map<String, String> quoted;
  private final Set<String> nullable;

  private final boolean view;

  private TableRef(
      String name, String sql, Map<String, String> quoted, Set<String> nullable, boolean view) {
    this.view = view;
    this.nullable = nullable;
    this.name = name;
    this.sql = sql;
    this.columns = List.copyOf(quoted.keySet());
    this.quoted = quoted;
  }

  /** Looks up {@code table} on {@code connection}; throws naming it if there is no such table. */
  public static TableRef resolve(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    if (table.isEmpty() || table.indexOf('\0') >= 0) {
      throw new JdbcException("no table named '" + table + "' in schema " + schema);
    }
    Set<String> found = new LinkedHashSet<>();
    Set<String> views = new HashSet<>();
    for (String candidate :
        new LinkedHashSet<>(List.of(table, table.toLowerCase(), table.toUpperCase()))) {
      if (found.contains(table)) {
        break;
      }
      try (ResultSet rs =
          meta.getTables(
              connection.getCatalog(), pattern(meta, schema), pattern(meta, candidate), null)) {
        while (rs.next()) {
          found.add(rs.getString("TABLE_NAME"));
          String type = rs.getString("TABLE_TYPE");
          if (type != null && type.toUpperCase(java.util.Locale.ROOT).contains("VIEW")) {
            views.add(rs.getString("TABLE_NAME"));
          }
        }
      }
    }
    String real = match(found, table, "table", "schema " + schema);
    TreeMap<Integer, String> byPosition = new TreeMap<>();
    Set<String> nullable = new HashSet<>();
    try (ResultSet rs =
        meta.getColumns(connection.getCatalog(), pattern(meta, schema), pattern(meta, real), "%")) {
      while (rs.next()) {
        byPosition.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
        if (!"NO".equals(rs.getString("IS_NULLABLE"))) {
          nullable.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    try (Statement quoter = connection.createStatement()) {
      String quoted = quoter.enquoteIdentifier(real, true);
      String sql = schema == null ? quoted : quoter.enquoteIdentifier(schema, true) + "." + quoted;
      Map<String, String> columns = new LinkedHashMap<>();
      for (String column : byPosition.values()) {
        columns.put(column, quoter.enquoteIdentifier(column, true));
      }
      return new TableRef(real, sql, columns, Set.copyOf(nullable), views.contains(real));
    }
  }

  /** The table's real name. */
  public String name() {
    return name;
  }

  /** The table, schema-qualified and quoted, for SQL. */
  public String sql() {
    return sql;
  }

  /** Whether the metadata says {@code column} (a real name) may hold nulls. */
  public boolean nullable(String column) {
    return nullable.contains(column);
  }

  /** Whether it is a view (or materialized view), whose metadata has no keys. */
  public boolean view() {
    return view;
  }

  /** The columns the metadata says may hold nulls. */
  public Set<String> nullableColumns() {
    return nullable;
  }

  /** The real names of the table's columns, in order. */
  public List<String> columns() {
    return columns;
  }

  /** The real names of {@code names}; throws naming the first that is not a column. */
  public List<String> columns(List<String> names) {
    List<String> real = new ArrayList<>(names.size());
    for (String n : names) {
      real.add(match(columns, n, "column", "table " + name + " (columns " + columns + ")"));
    }
    return real;
  }

  /** {@code column} (a real name) quoted for SQL. */
  public String quote(String column) {
    String q = quoted.get(column);
    if (q == null) {
      throw new IllegalArgumentException("not a column of table " + name + ": " + column);
    }
    return q;
  }

  /** The real names quoted and joined with {@code ", "}. */
  public String quoteAll(List<String> real) {
    return String.join(", ", real.stream().map(this::quote).toList());
  }

  private static String match(Iterable<String> names, String wanted, String kind, String where) {
    String folded = null;
    int foldedCount = 0;
    for (String n : names) {
      if (n.equals(wanted)) {
        return n;
      }
      if (n.equalsIgnoreCase(wanted)) {
        folded = n;
        foldedCount++;
      }
    }
    if (foldedCount == 1) {
      return folded;
    }
    throw new JdbcException(
        (foldedCount > 1 ? "ambiguous " : "no ") + kind + " named '" + wanted + "' in " + where);
  }

  static String pattern(DatabaseMetaData meta, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String escape = meta.getSearchStringEscape();
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
