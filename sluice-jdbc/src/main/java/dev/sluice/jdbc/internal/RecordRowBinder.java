package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowBinder;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link RowBinder#ofRecord()}: the component named like each column, ignoring case. */
public final class RecordRowBinder<R extends Record> implements RowBinder<R> {
  @Override
  public List<?> values(R item, List<String> columns) throws ReflectiveOperationException {
    RecordComponent[] components = item.getClass().getRecordComponents();
    List<Object> values = new ArrayList<>(columns.size());
    for (String column : columns) {
      RecordComponent match =
          Arrays.stream(components)
              .filter(c -> c.getName().equalsIgnoreCase(column))
              .findFirst()
              .orElseThrow(
                  () ->
                      new JdbcException(
                          "record "
                              + item.getClass().getSimpleName()
                              + " has no component for column '"
                              + column
                              + "'"));
      var accessor = match.getAccessor();
      accessor.setAccessible(true);
      values.add(accessor.invoke(item));
    }
    return values;
  }
}
