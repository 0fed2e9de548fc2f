package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.RowMapper;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link RowMapper#toMap()}: a row as a map from column label to value, in column order, temporal
 * values read as {@link ColumnValues} does.
 */
public final class MapRowMapper implements RowMapper<Map<String, Object>> {
  public static final MapRowMapper INSTANCE = new MapRowMapper();

  private MapRowMapper() {}

  @Override
  public Map<String, Object> map(ResultSet row) throws SQLException {
    ResultSetMetaData meta = row.getMetaData();
    int count = meta.getColumnCount();
    Map<String, Object> values = LinkedHashMap.newLinkedHashMap(count);
    for (int i = 1; i <= count; i++) {
      values.put(meta.getColumnLabel(i), ColumnValues.read(row, meta, i));
    }
    return values;
  }
}
