package dev.sluice.jdbc.internal;

import dev.sluice.Columns;
import dev.sluice.Row;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowBinder;
import java.util.ArrayList;
import java.util.List;

/** {@link RowBinder#ofRow()}: the value of each column by name, ignoring case if need be. */
public final class RowValuesBinder implements RowBinder<Row> {
  public static final RowValuesBinder INSTANCE = new RowValuesBinder();

  private RowValuesBinder() {}

  @Override
  public List<?> values(Row row, List<String> columns) {
    Columns names = row.columns();
    List<Object> values = new ArrayList<>(columns.size());
    for (String column : columns) {
      int at = names.find(column);
      values.add(row.get(at >= 0 ? at : indexIgnoringCase(names, column)));
    }
    return values;
  }

  private static int indexIgnoringCase(Columns names, String column) {
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.name(i).equalsIgnoreCase(column)) {
        if (found >= 0) {
          throw new JdbcException(
              "row has two columns for column '"
                  + column
                  + "': "
                  + names.name(found)
                  + ", "
                  + names.name(i));
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new JdbcException(
          "row has no value for column '" + column + "'; its columns are " + names);
    }
    return found;
  }
}
