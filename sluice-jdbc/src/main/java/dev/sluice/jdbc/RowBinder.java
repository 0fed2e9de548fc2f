package dev.sluice.jdbc;

import dev.sluice.Row;
import dev.sluice.jdbc.internal.MapRowBinder;
import dev.sluice.jdbc.internal.RecordRowBinder;
import dev.sluice.jdbc.internal.RowValuesBinder;
import java.util.List;
import java.util.Map;

/**
 * Gives a sink the value of each of its columns for one element; the values are bound as
 * parameters, never spliced into SQL.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface RowBinder<T> {
  /** The values of {@code columns} (the sink's columns, in order) for {@code item}. */
  List<?> values(T item, List<String> columns) throws Exception;

  /**
   * Reads maps such as those of {@link RowMapper#toMap()}: the value under each column name, or
   * under the only key equal to it ignoring case. A missing column fails with its name.
   */
  static RowBinder<Map<String, ?>> ofMap() {
    return MapRowBinder.INSTANCE;
  }

  /**
   * Reads {@link Row}s such as those of {@link RowMapper#toRow()} or the file readers: the value of
   * each column by name, or of the only column equal to it ignoring case. A missing column fails
   * with its name.
   */
  static RowBinder<Row> ofRow() {
    return RowValuesBinder.INSTANCE;
  }

  /** Reads records: the component named like each column, ignoring case. */
  static <R extends Record> RowBinder<R> ofRecord() {
    return new RecordRowBinder<>();
  }
}
