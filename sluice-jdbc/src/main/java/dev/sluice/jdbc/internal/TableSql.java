package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.TableInfo;
import dev.sluice.jdbc.TableQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
  private ResultSetMetaData keyMeta;
  private int[] keyKinds;
  private final List<String> key;
  private List<Object> lastSeen;

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
    return resolve(connection, query, false);
  }

  /**
   * Checks the names of {@code query} against the database and builds its SQL; if {@code paged},
   * also that the key is a NOT NULL unique key ({@link TableInfo#requireKeysetKey}), else fails
   * with a {@link JdbcException} that says why and names the table's unique keys.
   */
  public static TableSql resolve(Connection connection, TableQuery query, boolean paged)
      throws SQLException {
    TableRef table = TableRef.resolve(connection, query.table());
    List<String> key = table.columns(query.key());
    if (paged && !table.view()) {
      try {
        TableDescriber.describe(connection, table).requireKeysetKey(key);
      } catch (IllegalArgumentException e) {
        throw new JdbcException(e.getMessage(), e);
      }
    }
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
    if (paged && table.view()) {
      checkNoNullKey(connection, query, table, key);
    }
    return new TableSql(query, select, predicate(table, key), orderBy, keyIndexes, key);
  }

  /**
   * For a view (whose key the metadata cannot vouch for): fails if a key column the metadata calls
   * nullable holds a null in a row the query selects, since {@code key > ?} never matches a null
   * and such rows would be silently skipped. Tables are refused up front instead.
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
                  + "' hold a NULL; keyset paging needs a NOT NULL unique key");
        }
      }
    }
  }

  /**
   * The page after key values {@code after}, or the first page if it is null: at most {@code
   * pageSize + 1} rows, the extra one only to tell whether more follow and that its key differs.
   */
  PreparedStatement keysetPage(Connection connection, List<Object> after) throws SQLException {
    String where =
        after == null ? "" : (query.where().isBlank() ? " WHERE " : " AND ") + keyPredicate;
    PreparedStatement statement =
        connection.prepareStatement(select + where + orderBy + " LIMIT " + (query.pageSize() + 1L));
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

  /** The key values of the current row; fails naming the table and column if one is null. */
  List<Object> keyOf(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    if (meta != keyMeta) { // looked up once per result set
      int[] kinds = new int[keyIndexes.length];
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] = ColumnValues.kind(meta, keyIndexes[i]);
      }
      keyKinds = kinds;
      keyMeta = meta;
    }
    List<Object> values = new ArrayList<>(keyIndexes.length);
    for (int i = 0; i < keyIndexes.length; i++) {
      Object value = ColumnValues.read(rs, keyKinds[i], keyIndexes[i]);
      if (value == null) {
        throw new JdbcException(
            "key column '"
                + key.get(i)
                + "' of table '"
                + query.table()
                + "' is NULL in a row after key "
                + (lastSeen == null ? "(none)" : lastSeen)
                + "; keyset paging needs a NOT NULL unique key "
                + key);
      }
      values.add(value);
    }
    return values;
  }

  /**
   * Fails unless {@code next} comes strictly after {@code previous} (null for the first row of a
   * run): equal keys would be skipped at a page boundary. Values of types whose Java order is the
   * database's (numbers, dates and times) are also checked for order; others only for equality,
   * since the database's collation decides the order of text.
   */
  void checkIncreasing(List<Object> previous, List<Object> next) {
    this.lastSeen = next;
    if (previous == null) {
      return;
    }
    for (int i = 0; i < next.size(); i++) {
      Object a = previous.get(i);
      Object b = next.get(i);
      if (a.equals(b)) {
        continue;
      }
      if (ordered(a, b) && compare(a, b) > 0) {
        throw notIncreasing(previous, next, "comes before");
      }
      return;
    }
    throw notIncreasing(previous, next, "equals");
  }

  private JdbcException notIncreasing(List<Object> previous, List<Object> next, String how) {
    return new JdbcException(
        "key "
            + key
            + " of table '"
            + query.table()
            + "' does not strictly increase: key "
            + next
            + " "
            + how
            + " the key "
            + previous
            + " of the row before; keyset paging needs a NOT NULL unique key (rows sharing a key"
            + " would be skipped)");
  }

  private static boolean ordered(Object a, Object b) {
    return a.getClass() == b.getClass()
        && (a instanceof Number || a instanceof java.time.temporal.Temporal)
        && a instanceof Comparable;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
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
