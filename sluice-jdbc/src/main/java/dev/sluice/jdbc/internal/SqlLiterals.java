package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Values as PostgreSQL literals, for the one statement that cannot take bound parameters: {@code
 * COPY (query) TO STDOUT}. A number is written as digits, a boolean as {@code TRUE}/{@code FALSE},
 * everything else as a string literal ({@code '…'} with {@code '} doubled; needs {@code
 * standard_conforming_strings}, checked by the caller) that PostgreSQL converts to the other
 * operand's type; a temporal value in ISO 8601 with its offset, if any, so no session time zone
 * enters.
 */
final class SqlLiterals {
  private SqlLiterals() {}

  /** {@code value} as a literal. */
  static String of(Object value) {
    return switch (value) {
      case null -> "NULL";
      case Integer i -> i.toString();
      case Long l -> l.toString();
      case Short s -> s.toString();
      case Byte b -> b.toString();
      case BigDecimal d -> d.toPlainString();
      case Double d when Double.isFinite(d) -> d.toString();
      case Float f when Float.isFinite(f) -> f.toString();
      case Boolean b -> b ? "TRUE" : "FALSE";
      case byte[] bytes -> text("\\x" + HexFormat.of().formatHex(bytes));
      case String s -> text(s);
      case UUID u -> text(u.toString());
      case Temporal t -> text(t.toString());
      default -> text(value.toString());
    };
  }

  private static String text(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new JdbcException("a value for COPY holds a NUL character: " + s.replace('\0', '?'));
    }
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * {@code where} with each {@code ?} outside string literals, quoted identifiers and comments
   * replaced by the literal of the next of {@code params}; fails if the counts differ or the text
   * uses dollar quoting (where a {@code ?} cannot be told from a placeholder).
   */
  static String inline(String where, List<Object> params) {
    StringBuilder out = new StringBuilder(where.length() + 16 * params.size());
    int next = 0;
    int i = 0;
    while (i < where.length()) {
      char c = where.charAt(i);
      if (c == '\'' || c == '"') {
        int end = where.indexOf(c, i + 1);
        while (end >= 0 && end + 1 < where.length() && where.charAt(end + 1) == c) {
          end = where.indexOf(c, end + 2);
        }
        if (end < 0) {
          throw unsupported(where, "an unterminated " + c);
        }
        out.append(where, i, end + 1);
        i = end + 1;
      } else if (where.startsWith("--", i) || where.startsWith("/*", i) || c == '$') {
        throw unsupported(where, "comments or dollar quoting");
      } else if (c == '?') {
        if (next == params.size()) {
          throw unsupported(where, "more ? than the " + params.size() + " parameters");
        }
        out.append(of(params.get(next++)));
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    if (next != params.size()) {
      throw unsupported(where, next + " ? for " + params.size() + " parameters");
    }
    return out.toString();
  }

  private static JdbcException unsupported(String where, String why) {
    return new JdbcException("cannot inline the parameters of filter '" + where + "': " + why);
  }
}
