package dev.sluice.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Row;
import dev.sluice.io.CsvRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes {@link CsvRow}s as JSON objects of strings, one per line, in UTF-8: byte for byte what
 * Jackson's generator writes for them with its default features ({@code \"}, {@code \\}, {@code \b
 * \t \n \f \r} as short escapes, other control characters and every surrogate as {@code \}{@code
 * uXXXX} with upper-case hex, everything else as its UTF-8 bytes), but with the keys encoded once
 * per header and no per-call state checks. This is the hot path of CSV → JSON Lines; {@code
 * JsonRowWriterTest} holds it to Jackson's output on random text. Keeps one 64 KiB buffer, which
 * {@link #flush()} hands to the stream; not thread-safe.
 */
final class JsonRowWriter {
  private static final int SIZE = 1 << 16;

  /** The longest a char can get: {@code \}{@code uXXXX}. */
  private static final int MAX_PER_CHAR = 6;

  /** The escape of each ASCII character ({@link JsonBytes#ESCAPE}). */
  private static final byte[] ESCAPE = JsonBytes.ESCAPE;

  private static final byte[] OPEN = {'{', '"'};
  private static final byte[] NEXT = {',', '"'};
  private static final byte[] COLON = {'"', ':'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] EMPTY = {'{', '}', '\n'};

  private final OutputStream out;
  private final byte[] buf = new byte[SIZE];
  private final char[] chars = new char[SIZE / MAX_PER_CHAR];
  private int pos;
  private List<String> header;
  private byte[][] keys;

  JsonRowWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Buffers {@code row} as one line: an object of its fields, keys in header order. Fields the row
   * holds as characters are encoded from them, without making strings.
   */
  void write(CsvRow row) throws IOException {
    RowAccess.Fields access = RowAccess.fields();
    char[] rowChars = access.chars(row);
    int n = begin(row.header(), row.size());
    for (int i = 0; i < n; i++) {
      raw(keys[i]);
      openValue();
      String set = access.string(row, i);
      if (set != null) {
        string(set);
      } else {
        chars(rowChars, access.start(row, i), access.end(row, i));
      }
      closeValue();
    }
    end(n);
  }

  /** Buffers one line: an object of {@code values} under the keys {@code header}. */
  void write(List<String> header, List<String> values) throws IOException {
    int n = begin(header, values.size());
    for (int i = 0; i < n; i++) {
      raw(keys[i]);
      openValue();
      string(values.get(i));
      closeValue();
    }
    end(n);
  }

  /**
   * Buffers one line: an object of the row's values under its names. Strings, and values JSON has
   * no type for ({@code java.time}, {@code byte[]}, ...), are written as strings of their {@link
   * Row#textOf text}; booleans as {@code true}/{@code false}; integers as they are; decimals as
   * their text ({@code Row.textOf}: plain unless that takes more than 64 zeros); a float or double
   * as Java prints it, or as a string when it is not finite; null as {@code null}; a Jackson tree
   * as its compact JSON.
   */
  void write(Row row) throws IOException {
    int n = begin(row.names(), row.size());
    for (int i = 0; i < n; i++) {
      raw(keys[i]);
      Object value = row.get(i);
      switch (value) {
        case null -> raw(NULL);
        case Boolean b -> raw(b ? TRUE : FALSE);
        case Long v -> ascii(Long.toString(v));
        case Integer v -> ascii(Integer.toString(v));
        case Short v -> ascii(Short.toString(v));
        case Byte v -> ascii(Byte.toString(v));
        case BigInteger v -> ascii(v.toString());
        case BigDecimal v -> ascii(Row.textOf(v));
        case Double v when Double.isFinite(v) -> ascii(Double.toString(v));
        case Float v when Float.isFinite(v) -> ascii(Float.toString(v));
        case JsonNode v when v.isContainerNode() -> raw(Trees.json(v));
        default -> {
          openValue();
          string(Row.textOf(value));
          closeValue();
        }
      }
    }
    end(n);
  }

  /** A number's text (ASCII), written as it is. */
  private void ascii(String s) throws IOException {
    int n = s.length();
    if (n > 64) {
      raw(s.getBytes(StandardCharsets.UTF_8));
      return;
    }
    room(n);
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) s.charAt(i); // a number's text is ASCII
    }
  }

  /** Makes the keys of a header not seen last time; returns {@code n}. */
  private int begin(List<String> h, int n) throws IOException {
    if (h != header) {
      keys = keys(h);
      header = h;
    }
    return n;
  }

  /** The opening quote of a string value. */
  private void openValue() throws IOException {
    room(1);
    buf[pos++] = '"';
  }

  /** The closing quote of a value, with room for the end of the line after it. */
  private void closeValue() throws IOException {
    room(3);
    buf[pos++] = '"';
  }

  private void end(int n) throws IOException {
    room(2);
    if (n == 0) {
      raw(EMPTY);
    } else {
      buf[pos++] = '}';
      buf[pos++] = '\n';
    }
  }

  /** Writes the buffered bytes to the stream (without flushing the stream). */
  void flush() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }

  /** Key i as {@code {"name":} (the first) or {@code ,"name":}. */
  private static byte[][] keys(List<String> names) throws IOException {
    byte[][] result = new byte[names.size()][];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonRowWriter scratch = new JsonRowWriter(bytes);
    for (int i = 0; i < result.length; i++) {
      bytes.reset();
      scratch.raw(i == 0 ? OPEN : NEXT);
      scratch.string(names.get(i));
      scratch.raw(COLON);
      scratch.flush();
      result[i] = bytes.toByteArray();
    }
    return result;
  }

  private void raw(byte[] bytes) throws IOException {
    room(bytes.length);
    if (bytes.length > SIZE) {
      out.write(bytes);
    } else {
      System.arraycopy(bytes, 0, buf, pos, bytes.length);
      pos += bytes.length;
    }
  }

  private void room(int n) throws IOException {
    if (pos + n > SIZE) {
      flush();
    }
  }

  /** The escaped UTF-8 of {@code s}, in segments that fit the buffer. */
  private void string(String s) throws IOException {
    for (int from = 0, n = s.length(); from < n; ) {
      int len = Math.min(n - from, chars.length);
      room(len * MAX_PER_CHAR);
      s.getChars(from, from + len, chars, 0);
      pos = encode(chars, 0, len, buf, pos);
      from += len;
    }
  }

  /** The escaped UTF-8 of {@code cs[from..to)}, in segments that fit the buffer. */
  private void chars(char[] cs, int from, int to) throws IOException {
    while (from < to) {
      int end = Math.min(to, from + chars.length);
      room((end - from) * MAX_PER_CHAR);
      pos = encode(cs, from, end, buf, pos);
      from = end;
    }
  }

  private static int encode(char[] cs, int from, int to, byte[] b, int p) {
    int i = from;
    while (true) {
      // the common case: runs of ASCII that needs no escape, four chars per test
      while (i + 4 <= to) {
        char c0 = cs[i];
        char c1 = cs[i + 1];
        char c2 = cs[i + 2];
        char c3 = cs[i + 3];
        if ((c0 | c1 | c2 | c3) >= 0x80
            || (ESCAPE[c0] | ESCAPE[c1] | ESCAPE[c2] | ESCAPE[c3]) != 0) {
          break;
        }
        b[p] = (byte) c0;
        b[p + 1] = (byte) c1;
        b[p + 2] = (byte) c2;
        b[p + 3] = (byte) c3;
        p += 4;
        i += 4;
      }
      if (i == to) {
        return p;
      }
      char c = cs[i++];
      if (c < 0x80) {
        byte e = ESCAPE[c];
        if (e == 0) {
          b[p++] = (byte) c;
        } else if (e != 'u') {
          b[p++] = '\\';
          b[p++] = e;
        } else {
          p = JsonBytes.unicodeEscape(c, b, p);
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        p = JsonBytes.unicodeEscape(c, b, p);
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }
}
