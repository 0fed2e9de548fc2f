package dev.sluice.jdbc.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Reads a column's value with no JVM time zone in it: a timestamp with time zone (and PostgreSQL's
 * {@code timestamptz}, which pgjdbc reports as {@link Types#TIMESTAMP}) as an {@link
 * OffsetDateTime} in UTC, a time with time zone as an {@link OffsetTime}, a plain timestamp as a
 * {@link LocalDateTime}, a date as a {@link LocalDate}, a time as a {@link LocalTime}; anything
 * else as {@link ResultSet#getObject(int)} returns it. ({@code java.sql.Timestamp} and friends
 * render and convert in the JVM's default zone, so the same row would read differently on two
 * machines.)
 */
public final class ColumnValues {
  private ColumnValues() {}

  /**
   * The value of column {@code i} of the current row of {@code rs}, whose metadata is {@code meta}.
   */
  public static Object read(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
    return switch (meta.getColumnType(i)) {
      case Types.TIMESTAMP_WITH_TIMEZONE -> instant(rs, i);
      case Types.TIMESTAMP ->
          zoned(meta, i, "timestamptz") ? instant(rs, i) : rs.getObject(i, LocalDateTime.class);
      case Types.DATE -> rs.getObject(i, LocalDate.class);
      case Types.TIME_WITH_TIMEZONE -> rs.getObject(i, OffsetTime.class);
      case Types.TIME ->
          zoned(meta, i, "timetz")
              ? rs.getObject(i, OffsetTime.class)
              : rs.getObject(i, LocalTime.class);
      default -> rs.getObject(i);
    };
  }

  private static boolean zoned(ResultSetMetaData meta, int i, String name) throws SQLException {
    return name.equalsIgnoreCase(meta.getColumnTypeName(i));
  }

  private static OffsetDateTime instant(ResultSet rs, int i) throws SQLException {
    OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
