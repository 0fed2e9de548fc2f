package dev.sluice.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;

/**
 * Text as a value of a column's SQL type, for {@link dev.sluice.jdbc.TableInfo#valueOf}: what
 * {@code import} and {@code export --filter} bind. Temporal values are ISO-8601 (a space may stand
 * for the {@code T}), binary values base64, booleans {@code true/t/1/yes} or {@code false/f/0/no}.
 */
public final class TextValues {
  private TextValues() {}

  /**
   * {@code text} as a value of SQL type {@code sqlType} ({@link Types}); empty or null text is
   * NULL. Throws {@link IllegalArgumentException} naming the type if the text does not parse.
   */
  public static Object parse(String text, int sqlType) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return parseNonEmpty(text, sqlType);
  }

  /** Like {@link #parse}, but an empty text is an empty string for a column of any text type. */
  public static Object parseKeepingEmpty(String text, int sqlType) {
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
