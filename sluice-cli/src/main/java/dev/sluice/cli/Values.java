package dev.sluice.cli;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;

/**
 * Column values between JDBC and text: how {@code export} writes a value the driver returned, and
 * how {@code import} and {@code --filter} turn text into a value of a column's SQL type. Temporal
 * values are ISO-8601, binary values base64, numbers plain (no exponent).
 */
final class Values {
  private Values() {}

  /** {@code value} as text, or null for SQL NULL. */
  static String text(Object value) throws SQLException {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      case java.sql.Timestamp t -> t.toLocalDateTime().toString();
      case java.sql.Date d -> d.toLocalDate().toString();
      case java.sql.Time t -> t.toLocalTime().toString();
      case byte[] b -> Base64.getEncoder().encodeToString(b);
      case Clob c -> c.getSubString(1, Math.toIntExact(c.length()));
      default -> value.toString();
    };
  }

  /** {@code value} for JSON: numbers and booleans as they are, everything else as {@link #text}. */
  static Object json(Object value) throws SQLException {
    return value instanceof Number || value instanceof Boolean ? value : text(value);
  }

  /**
   * {@code text} as a value of SQL type {@code sqlType} ({@link Types}); empty or null text is
   * NULL. Throws {@link IllegalArgumentException} naming the type if the text does not parse.
   */
  static Object parse(String text, int sqlType) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return parseNonEmpty(text, sqlType);
  }

  /** Like {@link #parse}, but an empty text is an empty string for a column of any text type. */
  static Object parseKeepingEmpty(String text, int sqlType) {
    if (text != null && text.isEmpty()) {
      return switch (sqlType) {
        case Types.CHAR,
            Types.VARCHAR,
            Types.LONGVARCHAR,
            Types.NCHAR,
            Types.NVARCHAR,
            Types.LONGNVARCHAR,
            Types.CLOB,
            Types.NCLOB,
            Types.OTHER ->
            text;
        default -> null;
      };
    }
    return parse(text, sqlType);
  }

  private static Object parseNonEmpty(String text, int sqlType) {
    try {
      return switch (sqlType) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.valueOf(text.trim());
        case Types.BIGINT -> Long.valueOf(text.trim());
        case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(text.trim());
        case Types.REAL -> Float.valueOf(text.trim());
        case Types.FLOAT, Types.DOUBLE -> Double.valueOf(text.trim());
        case Types.BOOLEAN, Types.BIT -> bool(text.trim());
        case Types.DATE -> LocalDate.parse(text.trim());
        case Types.TIME -> LocalTime.parse(text.trim());
        case Types.TIMESTAMP -> LocalDateTime.parse(text.trim().replace(' ', 'T'));
        case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text.trim().replace(' ', 'T'));
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
            Base64.getDecoder().decode(text.trim());
        default -> text;
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read '" + text + "' as " + typeName(sqlType) + " (" + e.getMessage() + ")", e);
    }
  }

  private static Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "1", "yes" -> Boolean.TRUE;
      case "false", "f", "0", "no" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not true or false");
    };
  }

  private static String typeName(int sqlType) {
    try {
      return java.sql.JDBCType.valueOf(sqlType).getName();
    } catch (IllegalArgumentException e) {
      return "SQL type " + sqlType;
    }
  }
}
