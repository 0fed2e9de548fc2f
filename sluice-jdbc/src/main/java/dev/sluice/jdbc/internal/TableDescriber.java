package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.TableInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a {@link TableInfo} from the database's metadata. */
public final class TableDescriber {
  private TableDescriber() {}

  /** Looks up {@code table} as {@link TableRef} does and adds its types and primary key. */
  public static TableInfo describe(Connection connection, String table) throws SQLException {
    TableRef ref = TableRef.resolve(connection, table);
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
        types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
      }
    }
    TreeMap<Integer, String> key = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), schema, ref.name())) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    Map<String, String> quoted = new HashMap<>();
    for (String column : ref.columns()) {
      quoted.put(column, ref.quote(column));
    }
    return new TableInfo(ref.name(), ref.columns(), types, quoted, List.copyOf(key.values()));
  }
}
