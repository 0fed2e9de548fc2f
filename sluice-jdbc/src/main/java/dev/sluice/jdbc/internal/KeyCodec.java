package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keyset positions as printable text: each key value as {@code tag:value} (value URL-encoded),
 * joined by commas, e.g. {@code l:42,s:caf%C3%A9}. Tags: {@code i} int, {@code l} long, {@code n}
 * decimal, {@code s} string, {@code u} UUID, {@code d} date, {@code t} timestamp, {@code o}
 * timestamp with offset (an instant; sources read it in UTC), {@code h} time of day. Other key
 * types cannot be positions and fail naming the column.
 */
public final class KeyCodec {
  private KeyCodec() {}

  /** The position of {@code values}, the values of {@code columns}. */
  public static String encode(List<String> columns, List<Object> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object v = normalize(values.get(i));
      String tag =
          switch (v) {
            case Integer x -> "i";
            case Long x -> "l";
            case BigDecimal x -> "n";
            case String x -> "s";
            case UUID x -> "u";
            case LocalDate x -> "d";
            case LocalDateTime x -> "t";
            case OffsetDateTime x -> "o";
            case LocalTime x -> "h";
            default ->
                throw new JdbcException(
                    "key column '"
                        + columns.get(i)
                        + "' has values of type "
                        + v.getClass().getName()
                        + ", which cannot be stored as a position");
          };
      out.append(tag).append(':');
      if (v instanceof Integer || v instanceof Long) {
        out.append(v); // digits and '-' need no encoding
      } else {
        out.append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  /** The key values of {@code position}; fails quoting it if it is not one of {@code size}. */
  public static List<Object> decode(String position, int size) {
    String[] parts = position.split(",", -1);
    if (parts.length != size) {
      throw bad(position, "expected " + size + " key values, found " + parts.length);
    }
    List<Object> values = new ArrayList<>(size);
    for (String part : parts) {
      int colon = part.indexOf(':');
      if (colon != 1) {
        throw bad(position, "no type tag in '" + part + "'");
      }
      String text = URLDecoder.decode(part.substring(2), StandardCharsets.UTF_8);
      try {
        values.add(parse(part.charAt(0), text));
      } catch (RuntimeException e) {
        throw bad(position, e.getMessage());
      }
    }
    return values;
  }

  private static Object parse(char tag, String text) {
    return switch (tag) {
      case 'i' -> Integer.valueOf(text);
      case 'l' -> Long.valueOf(text);
      case 'n' -> new BigDecimal(text);
      case 's' -> text;
      case 'u' -> UUID.fromString(text);
      case 'd' -> LocalDate.parse(text);
      case 't' -> LocalDateTime.parse(text);
      case 'o' -> OffsetDateTime.parse(text);
      case 'h' -> LocalTime.parse(text);
      default -> throw new IllegalArgumentException("unknown type tag '" + tag + "'");
    };
  }

  private static Object normalize(Object v) {
    return switch (v) {
      case null -> throw new JdbcException("a key value is null; keyset keys must be non-null");
      case Short s -> (int) s;
      case Byte b -> (int) b;
      case java.sql.Timestamp ts -> ts.toLocalDateTime();
      case java.sql.Date date -> date.toLocalDate();
      case java.sql.Time time -> time.toLocalTime();
      default -> v;
    };
  }

  private static JdbcException bad(String position, String why) {
    return new JdbcException("not a keyset position: '" + position + "': " + why);
  }
}
