package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.TableInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a {@link TableInfo} from the database's metadata. */
public final class TableDescriber {
  private TableDescriber() {}

  /** Looks up {@code table} as {@link TableRef} does and adds its types and keys. */
  public static TableInfo describe(Connection connection, String table) throws SQLException {
    return describe(connection, TableRef.resolve(connection, table));
  }

  /** The {@link TableInfo} of a resolved table. */
  static TableInfo describe(Connection connection, TableRef ref) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    Map<String, Integer> types = new HashMap<>();
    try (ResultSet rs =
        meta.getColumns(
            connection.getCatalog(),
            TableRef.pattern(meta, schema),
            TableRef.pattern(meta, ref.name()),
            "%")) {
      while (rs.next()) {
        types.put(
            rs.getString("COLUMN_NAME"), type(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
      }
    }
    TreeMap<Integer, String> key = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), schema, ref.name())) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    List<String> primaryKey = List.copyOf(key.values());
    Map<String, String> quoted = new HashMap<>();
    for (String column : ref.columns()) {
      quoted.put(column, ref.quote(column));
    }
    return new TableInfo(
        ref.name(),
        ref.columns(),
        types,
        quoted,
        primaryKey,
        uniqueKeys(connection, ref, primaryKey),
        ref.nullableColumns(),
        ref.view());
  }

  /**
   * The type code, with PostgreSQL's zoned types (which pgjdbc reports as {@code TIMESTAMP} and
   * {@code TIME}) as the codes of their standard names.
   */
  private static int type(int code, String name) {
    if (code == java.sql.Types.TIMESTAMP && "timestamptz".equalsIgnoreCase(name)) {
      return java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
    }
    if (code == java.sql.Types.TIME && "timetz".equalsIgnoreCase(name)) {
      return java.sql.Types.TIME_WITH_TIMEZONE;
    }
    return code;
  }

  /**
   * The primary key, then every unique index of plain columns without a filter condition (a partial
   * or expression index does not make the column unique), each once.
   */
  private static List<List<String>> uniqueKeys(
      Connection connection, TableRef ref, List<String> primaryKey) throws SQLException {
    Map<String, TreeMap<Integer, String>> indexes = new LinkedHashMap<>();
    Set<String> unusable = new HashSet<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs =
        meta.getIndexInfo(
            connection.getCatalog(), connection.getSchema(), ref.name(), true, true)) {
      while (rs.next()) {
        if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
            || rs.getBoolean("NON_UNIQUE")) {
          continue;
        }
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        String filter = rs.getString("FILTER_CONDITION");
        if (column == null
            || !ref.columns().contains(column)
            || (filter != null && !filter.isBlank())) {
          unusable.add(index);
          continue;
        }
        indexes
            .computeIfAbsent(index, i -> new TreeMap<>())
            .put((int) rs.getShort("ORDINAL_POSITION"), column);
      }
    }
    Map<String, Integer> keyColumns = keyColumns(connection, ref);
    List<List<String>> keys = new ArrayList<>();
    if (!primaryKey.isEmpty()) {
      keys.add(primaryKey);
    }
    indexes.forEach(
        (index, columns) -> {
          Integer n = keyColumns.get(index);
          List<String> unique =
              List.copyOf(n == null ? columns.values() : columns.headMap(n, true).values());
          if (!unusable.contains(index) && !keys.contains(unique)) {
            keys.add(unique);
          }
        });
    return keys;
  }

  /**
   * On PostgreSQL 11 or later, the number of key columns of each index of the table, by index name:
   * pgjdbc's index metadata lists a covering index's {@code INCLUDE} columns after its key columns,
   * and {@code UNIQUE (id) INCLUDE (s)} makes {@code id} unique, not only {@code (id, s)}. Empty
   * elsewhere.
   */
  private static Map<String, Integer> keyColumns(Connection connection, TableRef ref)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    if (!"PostgreSQL".equals(meta.getDatabaseProductName())
        || meta.getDatabaseMajorVersion() < 11) {
      return Map.of();
    }
    Map<String, Integer> counts = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT c.relname, i.indnkeyatts FROM pg_catalog.pg_index i"
                + " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
                + " WHERE i.indrelid = ?::regclass")) {
      s.setString(1, ref.sql());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }
}
