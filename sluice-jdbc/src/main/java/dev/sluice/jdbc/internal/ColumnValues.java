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
    return read(rs, kind(meta, i), i);
  }

  /** How {@link #read(ResultSet, int, int)} reads column {@code i}: look it up once per query. */
  public static int kind(ResultSetMetaData meta, int i) throws SQLException {
    return switch (meta.getColumnType(i)) {
      case Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
      case Types.TIMESTAMP -> zoned(meta, i, "timestamptz") ? INSTANT : LOCAL_DATE_TIME;
      case Types.DATE -> LOCAL_DATE;
      case Types.TIME_WITH_TIMEZONE -> OFFSET_TIME;
      case Types.TIME -> zoned(meta, i, "timetz") ? OFFSET_TIME : LOCAL_TIME;
      default -> OBJECT;
    };
  }

  /** {@link #kind}s of every column of {@code meta}, by column number less one. */
  public static int[] kinds(ResultSetMetaData meta) throws SQLException {
    int[] kinds = new int[meta.getColumnCount()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(meta, i + 1);
    }
    return kinds;
  }

  /** The value of column {@code i} of the current row, read as {@code kind} ({@link #kind}). */
  public static Object read(ResultSet rs, int kind, int i) throws SQLException {
    return switch (kind) {
      case INSTANT -> instant(rs, i);
      case LOCAL_DATE_TIME -> rs.getObject(i, LocalDateTime.class);
      case LOCAL_DATE -> rs.getObject(i, LocalDate.class);
      case OFFSET_TIME -> rs.getObject(i, OffsetTime.class);
      case LOCAL_TIME -> rs.getObject(i, LocalTime.class);
      default -> rs.getObject(i);
    };
  }

  private static final int OBJECT = 0;
  private static final int INSTANT = 1;
  private static final int LOCAL_DATE_TIME = 2;
  private static final int LOCAL_DATE = 3;
  private static final int OFFSET_TIME = 4;
  private static final int LOCAL_TIME = 5;

  private static boolean zoned(ResultSetMetaData meta, int i, String name) throws SQLException {
    return name.equalsIgnoreCase(meta.getColumnTypeName(i));
  }

  private static OffsetDateTime instant(ResultSet rs, int i) throws SQLException {
    OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
