package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link RowBinder#ofMap()}: the value under each column name, ignoring case if need be. */
public final class MapRowBinder implements RowBinder<Map<String, ?>> {
  public static final MapRowBinder INSTANCE = new MapRowBinder();

  private MapRowBinder() {}

  @Override
  public List<?> values(Map<String, ?> item, List<String> columns) {
    List<Object> values = new ArrayList<>(columns.size());
    for (String column : columns) {
      if (item.containsKey(column)) {
        values.add(item.get(column));
      } else {
        values.add(item.get(keyIgnoringCase(item, column)));
      }
    }
    return values;
  }

  private static String keyIgnoringCase(Map<String, ?> item, String column) {
    String found = null;
    for (String key : item.keySet()) {
      if (key.equalsIgnoreCase(column)) {
        if (found != null) {
          throw new JdbcException(
              "row has two keys for column '" + column + "': " + found + ", " + key);
        }
        found = key;
      }
    }
    if (found == null) {
      throw new JdbcException(
          "row has no value for column '" + column + "'; its keys are " + item.keySet());
    }
    return found;
  }
}
