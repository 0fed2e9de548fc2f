package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.TableQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a {@link TableQuery}, built from names checked by {@link TableRef}: {@code SELECT
 * columns FROM table [WHERE (filter)] ORDER BY key}, plus the keyset predicate or the offset.
 *
 * <p>For a composite key {@code (a, b, c)} after {@code (x, y, z)} the predicate is the
 * lexicographic one, led by a range on the first column that an index can use: {@code a >= x AND (a
 * > x OR (a = x AND b > y) OR (a = x AND b = y AND c > z))}. Values are always bound.
 */
public final class TableSql {
  private final TableQuery query;
  private final String select;
  private final String keyPredicate;
  private final String orderBy;
  private final int[] keyIndexes;
  private final List<String> key;

  private TableSql(
      TableQuery query,
      String select,
      String keyPredicate,
      String orderBy,
      int[] keyIndexes,
      List<String> key) {
    this.key = key;
    this.query = query;
    this.select = select;
    this.keyPredicate = keyPredicate;
    this.orderBy = orderBy;
    this.keyIndexes = keyIndexes;
  }

  /** Checks the names of {@code query} against the database and builds its SQL. */
  public static TableSql resolve(Connection connection, TableQuery query) throws SQLException {
    TableRef table = TableRef.resolve(connection, query.table());
    List<String> key = table.columns(query.key());
    List<String> columns =
        new ArrayList<>(
            query.columns().isEmpty() ? table.columns() : table.columns(query.columns()));
    for (String k : key) {
      if (!columns.contains(k)) {
        columns.add(k);
      }
    }
    int[] keyIndexes = key.stream().mapToInt(k -> columns.indexOf(k) + 1).toArray();
    String select = "SELECT " + table.quoteAll(columns) + " FROM " + table.sql();
    if (!query.where().isBlank()) {
      select += " WHERE (" + query.where() + ")";
    }
    String orderBy = key.isEmpty() ? "" : " ORDER BY " + table.quoteAll(key);
    checkNoNullKey(connection, query, table, key);
    return new TableSql(query, select, predicate(table, key), orderBy, keyIndexes, key);
  }

  /**
   * Fails if a key column the metadata calls nullable holds a null in a row the query selects:
   * {@code key > ?} never matches a null, so such rows would be silently skipped.
   */
  private static void checkNoNullKey(
      Connection connection, TableQuery query, TableRef table, List<String> key)
      throws SQLException {
    List<String> nullable = key.stream().filter(table::nullable).toList();
    if (nullable.isEmpty()) {
      return;
    }
    String where = query.where().isBlank() ? "" : "(" + query.where() + ") AND ";
    String anyNull =
        String.join(" OR ", nullable.stream().map(k -> table.quote(k) + " IS NULL").toList());
    try (PreparedStatement check =
        connection.prepareStatement(
            "SELECT 1 FROM " + table.sql() + " WHERE " + where + "(" + anyNull + ") LIMIT 1")) {
      int index = 1;
      for (Object param : query.params()) {
        index = bind(check, index, param);
      }
      try (ResultSet rs = check.executeQuery()) {
        if (rs.next()) {
          throw new JdbcException(
              "key column(s) "
                  + nullable
                  + " of table '"
                  + query.table()
                  + "' hold a null; a keyset key must be unique and non-null");
        }
      }
    }
  }

  /** The page after key values {@code after}, or the first page if it is null. */
  PreparedStatement keysetPage(Connection connection, List<Object> after) throws SQLException {
    String where =
        after == null ? "" : (query.where().isBlank() ? " WHERE " : " AND ") + keyPredicate;
    PreparedStatement statement =
        connection.prepareStatement(select + where + orderBy + " LIMIT " + query.pageSize());
    int index = bindFilter(statement);
    if (after != null) {
      index = bind(statement, index, after.get(0));
      for (int term = 0; term < after.size(); term++) {
        for (int i = 0; i <= term; i++) {
          index = bind(statement, index, after.get(i));
        }
      }
    }
    return statement;
  }

  /** The page {@code offset} rows in. */
  PreparedStatement offsetPage(Connection connection, long offset) throws SQLException {
    PreparedStatement statement =
        connection.prepareStatement(
            select + orderBy + " LIMIT " + query.pageSize() + " OFFSET " + offset);
    bindFilter(statement);
    return statement;
  }

  /** The whole query, for the cursor source. */
  PreparedStatement cursor(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(select + orderBy);
    bindFilter(statement);
    return statement;
  }

  /** The key values of the current row; fails naming the column if one is null. */
  List<Object> keyOf(ResultSet rs) throws SQLException {
    List<Object> values = new ArrayList<>(keyIndexes.length);
    for (int i = 0; i < keyIndexes.length; i++) {
      Object value = rs.getObject(keyIndexes[i]);
      if (value == null) {
        throw new JdbcException(
            "key column '"
                + key.get(i)
                + "' of table '"
                + query.table()
                + "' is null in a row; a keyset key must be unique and non-null");
      }
      values.add(value);
    }
    return values;
  }

  private int bindFilter(PreparedStatement statement) throws SQLException {
    int index = 1;
    for (Object param : query.params()) {
      index = bind(statement, index, param);
    }
    return index;
  }

  private static int bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    statement.setObject(index, value);
    return index + 1;
  }

  private static String predicate(TableRef table, List<String> key) {
    if (key.isEmpty()) {
      return "";
    }
    List<String> terms = new ArrayList<>();
    for (int term = 0; term < key.size(); term++) {
      StringBuilder t = new StringBuilder("(");
      for (int i = 0; i < term; i++) {
        t.append(table.quote(key.get(i))).append(" = ? AND ");
      }
      terms.add(t.append(table.quote(key.get(term))).append(" > ?)").toString());
    }
    return "(" + table.quote(key.get(0)) + " >= ? AND (" + String.join(" OR ", terms) + "))";
  }
}
