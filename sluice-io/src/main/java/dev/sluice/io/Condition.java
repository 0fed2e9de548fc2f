package dev.sluice.io;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One row condition on a column's text, such as {@code status=active}, {@code age>=18} or {@code
 * email~@example\.com$}: the filter of {@code convert --where}. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=} compare as numbers when
 *       both sides are numbers ({@code 10 > 9}, {@code 2.50 = 2.5}), as text otherwise;
 *   <li>{@code ~} is a Java regular expression that must be found in the text;
 *   <li>a missing value (SQL NULL, JSON null or a missing key) satisfies no condition, not even
 *       {@code !=}, as in SQL.
 * </ul>
 *
 * <pre>{@code
 * Condition adult = Condition.parse("age>=18");
 * adult.column();         // "age"
 * adult.test("21");       // true
 * }</pre>
 */
public final class Condition {
  private enum Op {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    FIND("~");

    final String text;

    Op(String text) {
      this.text = text;
    }
  }

  private final String column;
  private final Op op;
  private final String value;
  private final BigDecimal number;
  private final Pattern pattern;

  private Condition(String column, Op op, String value) {
    this.column = column;
    this.op = op;
    this.value = value;
    this.number = number(value);
    try {
      this.pattern = op == Op.FIND ? Pattern.compile(value) : null;
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "condition " + this + ": not a regular expression: " + e.getDescription(), e);
    }
  }

  /**
   * Parses {@code COLUMN OP VALUE} (no spaces needed; the column is everything before the first of
   * {@code = ! < > ~}). Throws {@link IllegalArgumentException} naming the text when it has no
   * column or no operator.
   */
  public static Condition parse(String text) {
    Objects.requireNonNull(text, "text");
    int at = 0;
    while (at < text.length() && "=!<>~".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (at == 0 || at == text.length()) {
      throw new IllegalArgumentException(
          "a condition is COL=VALUE, COL!=VALUE, COL<VALUE, COL<=VALUE, COL>VALUE, COL>=VALUE or"
              + " COL~REGEX, was "
              + text);
    }
    String rest = text.substring(at);
    Op op = null;
    for (Op candidate : Op.values()) {
      if (rest.startsWith(candidate.text)
          && (op == null || candidate.text.length() > op.text.length())) {
        op = candidate;
      }
    }
    if (op == null) {
      throw new IllegalArgumentException("unknown operator in condition " + text);
    }
    return new Condition(text.substring(0, at), op, rest.substring(op.text.length()));
  }

  /** The column the condition reads. */
  public String column() {
    return column;
  }

  /** Whether {@code text}, the column's value as text (null when missing), satisfies it. */
  public boolean test(String text) {
    if (text == null) {
      return false;
    }
    if (op == Op.FIND) {
      return pattern.matcher(text).find();
    }
    int cmp;
    BigDecimal n = number == null ? null : number(text);
    if (n != null) {
      cmp = n.compareTo(number);
    } else if (op == Op.EQ || op == Op.NE) {
      cmp = text.equals(value) ? 0 : 1;
    } else {
      cmp = text.compareTo(value);
    }
    return switch (op) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      case FIND -> throw new AssertionError();
    };
  }

  private static BigDecimal number(String s) {
    int n = s.length();
    if (n == 0 || n > 100) {
      return null;
    }
    char c = s.charAt(0);
    if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return column + op.text + value;
  }
}
