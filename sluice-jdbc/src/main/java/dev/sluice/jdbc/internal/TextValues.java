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

  /**
   * Whether {@code text}, non-empty, is a value of SQL type {@code sqlType} in a form that {@link
   * #parse} accepts and that PostgreSQL reads as the same value as the text of what {@code parse}
   * returns, so {@code COPY} can take it as it is: integers of at most 9 (18 for {@code BIGINT})
   * digits with an optional minus, plain decimals ({@code -12.50}) of at most {@value
   * #MAX_PLAIN_DECIMAL} characters, ISO dates {@code yyyy-MM-dd} and timestamps {@code
   * yyyy-MM-ddTHH:mm[:ss[.f…]]} (a space may stand for the T) that are real days and times. False
   * for anything else (it is then parsed, and a bad value is reported, as before).
   */
  public static boolean passesThrough(String text, int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> plainInteger(text, 9);
      case Types.BIGINT -> plainInteger(text, 18);
      case Types.NUMERIC, Types.DECIMAL -> plainDecimal(text);
      case Types.DATE -> text.length() == 10 && realDate(text);
      case Types.TIMESTAMP -> plainTimestamp(text);
      default -> false;
    };
  }

  /** The longest decimal {@link #passesThrough} takes as it is. */
  static final int MAX_PLAIN_DECIMAL = 100;

  private static boolean plainInteger(String t, int maxDigits) {
    int from = !t.isEmpty() && t.charAt(0) == '-' ? 1 : 0;
    int digits = t.length() - from;
    return digits >= 1 && digits <= maxDigits && isDigits(t, from, digits);
  }

  private static boolean plainDecimal(String t) {
    int n = t.length();
    if (n > MAX_PLAIN_DECIMAL) {
      return false;
    }
    int i = n > 0 && t.charAt(0) == '-' ? 1 : 0;
    int start = i;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
    }
    if (i == start) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (t.charAt(i) != '.' || i == n - 1) {
      return false;
    }
    return isDigits(t, i + 1, n - i - 1);
  }

  /** {@code yyyy-MM-dd} at the start of {@code t}, a day of the proleptic Gregorian calendar. */
  private static boolean realDate(String t) {
    if (t.length() < 10 || !isDate(t)) {
      return false;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int days =
        switch (month) {
          case 2 -> java.time.Year.isLeap(year) ? 29 : 28;
          case 4, 6, 9, 11 -> 30;
          default -> 31;
        };
    return month >= 1 && month <= 12 && day >= 1 && day <= days;
  }

  private static boolean plainTimestamp(String t) {
    int n = t.length();
    if (n < 16
        || !realDate(t)
        || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
        || !isDigits(t, 11, 2)
        || t.charAt(13) != ':'
        || !isDigits(t, 14, 2)
        || digits(t, 11, 2) > 23
        || digits(t, 14, 2) > 59) {
      return false;
    }
    if (n == 16) {
      return true;
    }
    if (n < 19 || t.charAt(16) != ':' || !isDigits(t, 17, 2) || digits(t, 17, 2) > 59) {
      return false;
    }
    return n == 19 || (n >= 21 && n <= 29 && t.charAt(19) == '.' && isDigits(t, 20, n - 20));
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
        case Types.DATE -> date(text.trim());
        case Types.TIME -> LocalTime.parse(text.trim());
        case Types.TIMESTAMP -> timestamp(text.trim());
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

  /**
   * {@code yyyy-MM-dd}, read by hand when it has exactly that form (java.time's parser costs a map
   * per value), else by {@link LocalDate#parse}, which also makes the error of a bad one.
   */
  private static LocalDate date(String t) {
    if (t.length() == 10 && isDate(t)) {
      try {
        return LocalDate.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2));
      } catch (java.time.DateTimeException e) {
        // out of range: the parser's message
      }
    }
    return LocalDate.parse(t);
  }

  /**
   * ISO-8601 {@code yyyy-MM-ddTHH:mm[:ss[.f…]]} (a space may stand for the T), read by hand when it
   * has that form with a four-digit year, else by {@link LocalDateTime#parse}.
   */
  private static LocalDateTime timestamp(String t) {
    int n = t.length();
    if (n >= 16
        && isDate(t)
        && (t.charAt(10) == 'T' || t.charAt(10) == ' ')
        && isDigits(t, 11, 2)
        && t.charAt(13) == ':'
        && isDigits(t, 14, 2)) {
      int second = 0;
      int nano = 0;
      boolean ok = n == 16;
      if (n >= 19 && t.charAt(16) == ':' && isDigits(t, 17, 2)) {
        second = digits(t, 17, 2);
        ok = n == 19;
        if (n >= 21 && n <= 29 && t.charAt(19) == '.' && isDigits(t, 20, n - 20)) {
          nano = digits(t, 20, n - 20);
          for (int i = n - 20; i < 9; i++) {
            nano *= 10;
          }
          ok = true;
        }
      }
      if (ok) {
        try {
          return LocalDateTime.of(
              digits(t, 0, 4),
              digits(t, 5, 2),
              digits(t, 8, 2),
              digits(t, 11, 2),
              digits(t, 14, 2),
              second,
              nano);
        } catch (java.time.DateTimeException e) {
          // out of range: the parser's message
        }
      }
    }
    return LocalDateTime.parse(t.replace(' ', 'T'));
  }

  private static boolean isDate(String t) {
    return isDigits(t, 0, 4)
        && t.charAt(4) == '-'
        && isDigits(t, 5, 2)
        && t.charAt(7) == '-'
        && isDigits(t, 8, 2);
  }

  private static boolean isDigits(String t, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (t.charAt(i) - '0');
    }
    return value;
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
