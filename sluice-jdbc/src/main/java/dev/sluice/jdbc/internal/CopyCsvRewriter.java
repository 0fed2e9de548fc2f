package dev.sluice.jdbc.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A streaming, quote-state aware pass over the CSV bytes of PostgreSQL's {@code COPY … TO STDOUT
 * WITH (FORMAT csv)} that makes them the bytes a row writer writes for the same values (the values'
 * text being {@code Row.textOf} of what pgjdbc returns): booleans {@code t}/{@code f} become {@code
 * true}/{@code false}; timestamps, times and {@code timestamptz} (in UTC) take Java's ISO-8601 form
 * ({@code 2024-01-01T00:01}, seconds only when not zero, fractions in groups of three digits,
 * {@code Z}); floats take Java's shortest form ({@code 100.0}, {@code 1.0E20}); {@code -Infinity}
 * gets the formula guard's {@code '}, and so does text of {@link Kind#GUARDED} columns that starts
 * like a formula; records end with CRLF when asked; a first field starting with {@code #} is quoted
 * (as FastCSV quotes a comment character). Other fields pass as they are.
 *
 * <p>A value with no exact rendering here (a date out of the years 1 to 9999, {@code infinity}, a
 * numeric of more than {@value #MAX_TYPED} characters, time {@code 24:00:00}) throws {@link
 * NotExact}; the bytes written so far must then be discarded. Holds at most {@value #MAX_TYPED}
 * bytes of a typed field and a buffer of output; confined to one thread.
 */
public final class CopyCsvRewriter extends OutputStream {
  /** The longest typed field (numeric text) this pass takes; a longer one is {@link NotExact}. */
  public static final int MAX_TYPED = 500;

  /** How the text of a column's field is rewritten. */
  public enum Kind {
    /** As it is (text, numbers of integer types, uuid, json, and SQL-rendered columns). */
    PLAIN,
    /** {@code t}/{@code f} to {@code true}/{@code false}. */
    BOOL,
    /** Checked to be {@code YYYY-MM-DD}. */
    DATE,
    /** {@code YYYY-MM-DD HH:MI:SS[.f]} to Java's {@code LocalDateTime} text. */
    TIMESTAMP,
    /** {@code YYYY-MM-DD HH:MI:SS[.f]+00} to Java's {@code OffsetDateTime} text in UTC. */
    TIMESTAMPTZ,
    /** {@code HH:MI:SS[.f]} to Java's {@code LocalTime} text. */
    TIME,
    /** Numeric text, length-checked, {@code -Infinity} guarded. */
    NUMERIC,
    /** A float4 in Java's {@code Float.toString} form. */
    FLOAT4,
    /** A float8 in Java's {@code Double.toString} form. */
    FLOAT8,
    /**
     * Text with the formula guard's leading {@code '} when it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a CR and is not a plain number, as the row writer guards it
     * (for a quote character other than {@code '}): the pass holds at most {@value #MAX_TYPED}
     * bytes of a text that could still be a number.
     */
    GUARDED,
    /**
     * Text masked as {@code Masking.mask} masks it ({@code a***@example.com}), then guarded and
     * quoted as the row writer writes the masked text.
     */
    MASK
  }

  /** A value that this pass cannot render as the row writer would. */
  public static final class NotExact extends IOException {
    private static final long serialVersionUID = 1L;

    NotExact(String message) {
      super(message);
    }
  }

  private final OutputStream out;
  private final Kind[] kinds;
  private final List<String> names;
  private final byte separator;
  private final byte quote;
  private final boolean crlf;
  private final boolean guard;
  private final byte[] buffer = new byte[1 << 16];
  private int used;
  private final byte[] typed = new byte[MAX_TYPED];
  private int typedLength;
  private int field;
  private boolean inQuotes;
  private boolean fieldStart = true;
  private boolean hashQuoted;
  private long records;

  /** In a {@link Kind#GUARDED} field: its first byte after the opening quote is next. */
  private boolean guardFirst;

  /** In a {@link Kind#GUARDED} field: its bytes so far, in {@code typed}, could be a number. */
  private boolean maybeNumber;

  /** In a {@link Kind#MASK} field: started, quoted, whether its quote has just been seen. */
  private boolean masking;

  private boolean maskQuoted;
  private boolean maskWasQuoted;
  private boolean maskQuoteSeen;

  /**
   * A pass writing to {@code out}, for fields of {@code kinds} named {@code names} (for messages).
   */
  public CopyCsvRewriter(
      OutputStream out,
      List<Kind> kinds,
      List<String> names,
      char separator,
      char quote,
      boolean crlf,
      boolean guard) {
    this.out = out;
    this.kinds = kinds.toArray(Kind[]::new);
    this.names = List.copyOf(names);
    this.separator = (byte) separator;
    this.quote = (byte) quote;
    this.crlf = crlf;
    this.guard = guard;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    for (int i = offset, end = offset + length; i < end; i++) {
      byte b = bytes[i];
      if (field < kinds.length && kinds[field] == Kind.MASK && mask(b)) {
        continue;
      }
      if (inQuotes) {
        if (guardFirst) {
          guardFirst = false;
          if (risky(b)) {
            put((byte) '\''); // COPY never quotes a plain number
          }
        }
        int run = i;
        while (run < end && bytes[run] != quote) {
          run++;
        }
        if (run == end) {
          putAll(bytes, i, end - i);
          return;
        }
        putAll(bytes, i, run + 1 - i); // through the quote
        inQuotes = false;
        i = run;
      } else if (b == separator) {
        endField();
        put(b);
        field++;
      } else if (b == '\n') {
        endField();
        if (crlf) {
          put((byte) '\r');
        }
        put(b);
        field = 0;
        records++;
      } else if (maybeNumber) {
        if (numeric(b)) {
          typed(b);
        } else {
          unmaybe(true);
          i--; // the byte again, as text
        }
      } else if (fieldStart
          && field < kinds.length
          && kinds[field] == Kind.GUARDED
          && (b == quote || risky(b))) {
        fieldStart = false;
        if (b == quote) {
          inQuotes = true;
          guardFirst = true;
          put(b);
        } else if (b == '+' || b == '-') {
          maybeNumber = true;
          typed(b);
        } else {
          put((byte) '\'');
          i--; // the byte again, as text
        }
      } else if (field < kinds.length
          && kinds[field] != Kind.PLAIN
          && kinds[field] != Kind.GUARDED) {
        int run = i + 1;
        while (run < end && bytes[run] != separator && bytes[run] != '\n') {
          run++;
        }
        if (typedLength + run - i > typed.length) {
          System.arraycopy(bytes, i, typed, typedLength, typed.length - typedLength);
          typedLength = typed.length; // the message quotes what fits
          throw notExact("is longer than " + MAX_TYPED + " characters");
        }
        System.arraycopy(bytes, i, typed, typedLength, run - i);
        typedLength += run - i;
        fieldStart = false;
        i = run - 1;
      } else if (b == quote) {
        inQuotes = true;
        put(b);
        fieldStart = false;
      } else if (fieldStart && field == 0 && b == '#') {
        put(quote);
        hashQuoted = true;
        put(b);
        fieldStart = false;
      } else {
        int run = i + 1;
        while (run < end) {
          byte c = bytes[run];
          if (c == separator || c == '\n' || c == quote) {
            break;
          }
          run++;
        }
        putAll(bytes, i, run - i);
        fieldStart = false;
        i = run - 1;
      }
    }
  }

  /**
   * Takes byte {@code b} of a {@link Kind#MASK} field into the typed buffer, unquoted; false for
   * the separator or line end that ends the field, which the caller handles.
   */
  private boolean mask(byte b) throws IOException {
    if (!masking) {
      masking = true;
      maskQuoted = b == quote;
      maskWasQuoted = maskQuoted;
      maskQuoteSeen = false;
      if (maskQuoted) {
        return true;
      }
    } else if (maskQuoted) {
      if (maskQuoteSeen) {
        maskQuoteSeen = false;
        if (b == quote) {
          typed(b); // a doubled quote
          return true;
        }
        maskQuoted = false; // the quote before b closed the field
        if (b == separator || b == '\n') {
          return false;
        }
        throw notExact("has text after its closing quote");
      }
      if (b == quote) {
        maskQuoteSeen = true;
      } else {
        typed(b);
      }
      return true;
    }
    if (b == separator || b == '\n') {
      return false;
    }
    typed(b);
    return true;
  }

  private void typed(byte b) throws NotExact {
    if (typedLength == typed.length) {
      throw notExact("is longer than " + MAX_TYPED + " characters");
    }
    typed[typedLength++] = b;
  }

  /**
   * Writes the mask of the field's text ({@code Masking.mask}: empty stays empty, no {@code @} is
   * {@code ***}, else the first character, none if the last {@code @} is first, then {@code ***}
   * and the text from the last {@code @}), guarded and quoted as the row writer does; NULL (an
   * unquoted empty field) stays empty.
   */
  private void renderMask() throws IOException {
    if (typedLength == 0) {
      if (maskWasQuoted) {
        put(quote);
        put(quote);
      }
      return;
    }
    int at = typedLength - 1;
    while (at >= 0 && typed[at] != '@') {
      at--;
    }
    byte[] text = new byte[at < 0 ? 3 : 4 + typedLength];
    int n = 0;
    if (at > 0) {
      int lead = typed[0] & 0xFF;
      int first = Math.min(at, lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4);
      System.arraycopy(typed, 0, text, 0, first);
      n = first;
    }
    text[n++] = '*';
    text[n++] = '*';
    text[n++] = '*';
    if (at >= 0) {
      System.arraycopy(typed, at, text, n, typedLength - at);
      n += typedLength - at;
    }
    byte c = text[0];
    boolean guarded = guard && risky(c);
    boolean quoted = (field == 0 && c == '#') || (guarded && quote == '\'');
    for (int i = 0; i < n && !quoted; i++) {
      byte x = text[i];
      quoted = x == separator || x == quote || x == '\n' || x == '\r';
    }
    if (quoted) {
      put(quote);
    }
    if (guarded) {
      if (quote == '\'') {
        put(quote);
      }
      put((byte) '\'');
    }
    for (int i = 0; i < n; i++) {
      if (text[i] == quote && quoted) {
        put(quote);
      }
      put(text[i]);
    }
    if (quoted) {
      put(quote);
    }
  }

  /** {@code length} bytes of {@code bytes} from {@code from}, through the buffer. */
  private void putAll(byte[] bytes, int from, int length) throws IOException {
    if (used + length > buffer.length) {
      out.write(buffer, 0, used);
      used = 0;
      if (length > buffer.length) {
        out.write(bytes, from, length);
        return;
      }
    }
    System.arraycopy(bytes, from, buffer, used, length);
    used += length;
  }

  /** Whether text that starts with {@code b} starts like a formula (the guard's first test). */
  private static boolean risky(byte b) {
    return b == '=' || b == '+' || b == '-' || b == '@' || b == '\t' || b == '\r';
  }

  /** Whether {@code b} can be part of a plain number. */
  private static boolean numeric(byte b) {
    return (b >= '0' && b <= '9') || b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-';
  }

  /**
   * Writes the held start of a guarded field that began with + or -, after the guard's ' unless it
   * is all of the field and a plain number ({@code [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)?}).
   */
  private void unmaybe(boolean more) throws IOException {
    maybeNumber = false;
    if (more || !plainNumber()) {
      put((byte) '\'');
    }
    putTyped(0, typedLength);
    typedLength = 0;
  }

  private boolean plainNumber() {
    int i = 0;
    int n = typedLength;
    if (i < n && (typed[i] == '+' || typed[i] == '-')) {
      i++;
    }
    int whole = digitRun(i);
    i += whole;
    int fraction = 0;
    if (i < n && typed[i] == '.') {
      i++;
      fraction = digitRun(i);
      i += fraction;
    }
    if (whole == 0 && fraction == 0) {
      return false;
    }
    if (i < n && (typed[i] == 'e' || typed[i] == 'E')) {
      i++;
      if (i < n && (typed[i] == '+' || typed[i] == '-')) {
        i++;
      }
      int exponent = digitRun(i);
      if (exponent == 0) {
        return false;
      }
      i += exponent;
    }
    return i == n;
  }

  private int digitRun(int from) {
    int i = from;
    while (i < typedLength && typed[i] >= '0' && typed[i] <= '9') {
      i++;
    }
    return i - from;
  }

  private void endField() throws IOException {
    if (maybeNumber) {
      unmaybe(false);
    }
    guardFirst = false;
    if (masking) {
      if (maskQuoted) {
        throw notExact("has an unclosed quote");
      }
      renderMask();
      masking = false;
      typedLength = 0;
      fieldStart = true;
      return;
    }
    if (field < kinds.length && kinds[field] == Kind.MASK) {
      fieldStart = true; // an empty field at the end of a chunk's bytes: NULL
      return;
    }
    if (field < kinds.length
        && kinds[field] != Kind.PLAIN
        && kinds[field] != Kind.GUARDED
        && typedLength > 0) {
      render(kinds[field]);
      typedLength = 0;
    }
    if (hashQuoted) {
      put(quote);
      hashQuoted = false;
    }
    fieldStart = true;
  }

  private void render(Kind kind) throws IOException {
    switch (kind) {
      case BOOL -> {
        if (typedLength != 1 || (typed[0] != 't' && typed[0] != 'f')) {
          throw notExact("is not a boolean");
        }
        putAscii(typed[0] == 't' ? "true" : "false");
      }
      case DATE -> {
        checkDate(0);
        if (typedLength != 10) {
          throw notExact("is not a date of the years 1 to 9999");
        }
        putTyped(0, 10);
      }
      case TIMESTAMP -> {
        checkDate(0);
        if (typedLength < 11 || typed[10] != ' ') {
          throw notExact("is not a timestamp of the years 1 to 9999");
        }
        putTyped(0, 10);
        put((byte) 'T');
        time(11, typedLength);
      }
      case TIMESTAMPTZ -> {
        checkDate(0);
        int end = typedLength - 3;
        if (end < 11
            || typed[10] != ' '
            || typed[end] != '+'
            || typed[end + 1] != '0'
            || typed[end + 2] != '0') {
          throw notExact("is not a UTC timestamp of the years 1 to 9999");
        }
        putTyped(0, 10);
        put((byte) 'T');
        time(11, end);
        put((byte) 'Z');
      }
      case TIME -> time(0, typedLength);
      case NUMERIC -> {
        if (guard && typedLength == 9 && ascii().equals("-Infinity")) {
          guarded("-Infinity");
        } else {
          putTyped(0, typedLength);
        }
      }
      case FLOAT4 -> guarded(Float.toString(Float.parseFloat(ascii())));
      case FLOAT8 -> guarded(Double.toString(Double.parseDouble(ascii())));
      case PLAIN, GUARDED, MASK -> putTyped(0, typedLength);
    }
  }

  /** {@code text}, with the formula guard's ' if it is {@code -Infinity} (quoted if ' quotes). */
  private void guarded(String text) throws IOException {
    if (!guard || !text.equals("-Infinity")) {
      putAscii(text);
    } else if (quote == '\'') {
      putAscii("'''-Infinity'");
    } else {
      putAscii("'-Infinity");
    }
  }

  /** Checks {@code YYYY-MM-DD} at {@code at} (the years 1 to 9999, no era suffix). */
  private void checkDate(int at) throws NotExact {
    if (typedLength < at + 10
        || !digits(at, 4)
        || typed[at + 4] != '-'
        || !digits(at + 5, 2)
        || typed[at + 7] != '-'
        || !digits(at + 8, 2)
        || (typedLength > at + 10 && typed[at + 10] != ' ')) {
      throw notExact("is not a date of the years 1 to 9999");
    }
  }

  /**
   * {@code HH:MI:SS[.f]} from {@code from} to {@code to} as {@code LocalTime.toString}: {@code
   * HH:MI}, then {@code :SS} unless the seconds and fraction are zero, the fraction padded to 3 or
   * 6 digits.
   */
  private void time(int from, int to) throws IOException {
    int length = to - from;
    if (length < 8
        || !digits(from, 2)
        || typed[from + 2] != ':'
        || !digits(from + 3, 2)
        || typed[from + 5] != ':'
        || !digits(from + 6, 2)
        || (length > 8 && (typed[from + 8] != '.' || length < 10 || length > 15))
        || !digits(from + 9, Math.max(0, length - 9))
        || typed[from] > '2'
        || (typed[from] == '2' && typed[from + 1] > '3')) {
      throw notExact("is not a time of day before 24:00");
    }
    putTyped(from, from + 5);
    int fraction = Math.max(0, length - 9);
    if (fraction == 0 && typed[from + 6] == '0' && typed[from + 7] == '0') {
      return;
    }
    putTyped(from + 5, from + 8);
    if (fraction > 0) {
      put((byte) '.');
      putTyped(from + 9, to);
      for (int pad = fraction <= 3 ? 3 - fraction : 6 - fraction; pad > 0; pad--) {
        put((byte) '0');
      }
    }
  }

  private boolean digits(int at, int count) {
    if (count == 0) {
      return true;
    }
    if (at + count > typedLength) {
      return false;
    }
    for (int i = at; i < at + count; i++) {
      if (typed[i] < '0' || typed[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private String ascii() {
    return new String(typed, 0, typedLength, StandardCharsets.ISO_8859_1);
  }

  private NotExact notExact(String why) {
    String value = typedLength == 0 ? "" : " '" + ascii() + "'";
    return new NotExact(
        "value"
            + value
            + " of column '"
            + (field < names.size() ? names.get(field) : "#" + field)
            + "' (record "
            + (records + 1)
            + " of the chunk) "
            + why
            + ", so COPY cannot write it as the row writer does");
  }

  private void putTyped(int from, int to) throws IOException {
    putAll(typed, from, to - from);
  }

  private void putAscii(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      put((byte) s.charAt(i));
    }
  }

  private void put(byte b) throws IOException {
    if (used == buffer.length) {
      out.write(buffer, 0, used);
      used = 0;
    }
    buffer[used++] = b;
  }

  /** The records passed so far. */
  public long records() {
    return records;
  }

  @Override
  public void flush() throws IOException {
    if (used > 0) {
      out.write(buffer, 0, used);
      used = 0;
    }
    out.flush();
  }

  /** Flushes; does not close the stream it writes to. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
