package dev.sluice.jdbc;

import dev.sluice.Row;
import dev.sluice.jdbc.internal.MapRowMapper;
import dev.sluice.jdbc.internal.RecordRowMapper;
import dev.sluice.jdbc.internal.RowRowMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Turns the current row of a result set into an element. Called once per row on the thread that
 * runs the pipe; it must read the row and not move the result set.
 *
 * <pre>{@code
 * RowMapper<User> users = row -> new User(row.getLong("id"), row.getString("email"));
 * }</pre>
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface RowMapper<T> {
  /** The element for the current row of {@code row}. */
  T map(ResultSet row) throws SQLException;

  /**
   * Each row as a mutable {@link java.util.LinkedHashMap} from column label to value, in column
   * order; values as the driver's {@code getObject} returns them, except that no JVM time zone
   * enters temporal values: a timestamp with time zone (PostgreSQL {@code timestamptz}) is an
   * {@link java.time.OffsetDateTime} in UTC, a time with time zone an {@link java.time.OffsetTime},
   * a timestamp a {@link java.time.LocalDateTime}, a date a {@link java.time.LocalDate} and a time
   * a {@link java.time.LocalTime}. A sink binds these back exactly.
   */
  static RowMapper<Map<String, Object>> toMap() {
    return MapRowMapper.INSTANCE;
  }

  /**
   * Each row as a {@link Row} under the column labels, the row model that file writers and row
   * rules take: values as {@link #toMap()} reads them, large objects read in ({@code CLOB} and
   * {@code SQLXML} as text, {@code BLOB} as bytes). Rows of one query share their {@link
   * dev.sluice.Columns}.
   */
  static RowMapper<Row> toRow() {
    return new RowRowMapper();
  }

  /**
   * Each row as a record whose components are matched to columns by name (ignoring case) and read
   * with {@code getObject(name, componentType)}. A component with no column, or a null for a
   * primitive component, fails the row with an error naming the component.
   */
  static <R extends Record> RowMapper<R> toRecord(Class<R> type) {
    return new RecordRowMapper<>(type);
  }
}
