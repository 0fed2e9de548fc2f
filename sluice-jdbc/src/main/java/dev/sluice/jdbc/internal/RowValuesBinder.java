package dev.sluice.jdbc.internal;

import dev.sluice.Columns;
import dev.sluice.Row;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowBinder;
import java.util.Arrays;
import java.util.List;

/**
 * {@link RowBinder#ofRow()}: the value of each column by name, ignoring case if need be. Where each
 * column is in a row is worked out once per pair of row {@link Columns} and column list (a run's
 * rows share both), not per row; shared by every run, so the last pair is kept in an immutable
 * {@link Plan} that a run on another pair replaces.
 */
public final class RowValuesBinder implements RowBinder<Row> {
  public static final RowValuesBinder INSTANCE = new RowValuesBinder();

  /** Where each of {@code columns} is in rows of {@code names}. */
  private record Plan(Columns names, List<String> columns, int[] at) {}

  private volatile Plan last;

  private RowValuesBinder() {}

  @Override
  public List<?> values(Row row, List<String> columns) {
    Columns names = row.columns();
    Plan plan = last;
    if (plan == null || plan.names() != names || plan.columns() != columns) {
      int[] at = new int[columns.size()];
      for (int i = 0; i < at.length; i++) {
        String column = columns.get(i);
        int found = names.find(column);
        at[i] = found >= 0 ? found : indexIgnoringCase(names, column);
      }
      plan = new Plan(names, columns, at);
      last = plan;
    }
    int[] at = plan.at();
    Object[] values = new Object[at.length];
    for (int i = 0; i < at.length; i++) {
      values[i] = row.get(at[i]);
    }
    return Arrays.asList(values);
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
