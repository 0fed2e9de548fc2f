package dev.sluice.jdbc.internal;

import dev.sluice.io.internal.JsonBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON Lines from the CSV that {@link CopyCsvRewriter} makes of {@code COPY}'s (comma, double
 * quote, LF, no formula guard: each value's text as {@code Row.textOf} gives it, an unquoted empty
 * field for NULL and {@code ""} for an empty text), byte for byte what the row path's JSON writer
 * writes for the values pgjdbc reads: {@code {"name":value,…}} per record, with integers and
 * booleans bare, decimals and floats bare when finite (else their text as a string), {@code null},
 * and every other value a string escaped as Jackson escapes it. Streams: a long text is escaped
 * piece by piece. Confined to one thread.
 */
public final class CopyJsonWriter extends OutputStream {
  /** How a column's text becomes a JSON value. */
  public enum Shape {
    /** A JSON string. */
    STRING,
    /** As it is: an integer, {@code true} or {@code false}. */
    BARE,
    /** As it is when it is a finite number, else a string ({@code NaN}, {@code Infinity}). */
    NUMBER
  }

  private static final int PIECE = 1 << 13;

  private final OutputStream out;
  private final Shape[] shapes;
  private final byte[][] keys;
  private final byte[] buffer = new byte[1 << 16];
  private int used;
  private final byte[] scratch = new byte[PIECE];
  private int length;
  private int field;
  private boolean started;
  private boolean opened;
  private boolean inQuotes;
  private boolean quoteSeen;

  /** A writer to {@code out} of records whose fields are named {@code names}, shaped so. */
  public CopyJsonWriter(OutputStream out, List<Shape> shapes, List<String> names) {
    this.out = out;
    this.shapes = shapes.toArray(Shape[]::new);
    this.keys = new byte[names.size()][];
    for (int i = 0; i < keys.length; i++) {
      byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
      byte[] escaped = new byte[name.length * JsonBytes.MAX_PER_BYTE + 16];
      int n = JsonBytes.escape(name, 0, name.length, escaped, 2, false);
      escaped[0] = (byte) (i == 0 ? '{' : ',');
      escaped[1] = '"';
      escaped[n] = '"';
      escaped[n + 1] = ':';
      keys[i] = java.util.Arrays.copyOf(escaped, n + 2);
    }
  }

  /**
   * The stream {@code COPY}'s CSV goes to: a {@link CopyCsvRewriter} of {@code kinds} writing into
   * a {@link CopyJsonWriter} to {@code out}; flushing it flushes both.
   */
  public static CopyCsvRewriter over(
      OutputStream out, List<CopyCsvRewriter.Kind> kinds, List<Shape> shapes, List<String> names) {
    return new CopyCsvRewriter(
        new CopyJsonWriter(out, shapes, names), kinds, names, ',', '"', false, false);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int i = off;
    while (i < end) {
      byte c = b[i];
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c == '"') {
            add(c); // a doubled quote
            i++;
            continue;
          }
          inQuotes = false; // the quote before c closed the field; c is after it
        } else {
          int q = i;
          while (q < end && b[q] != '"') {
            q++;
          }
          addAll(b, i, q);
          if (q < end) {
            quoteSeen = true;
            q++;
          }
          i = q;
          continue;
        }
      }
      if (c == ',') {
        endField();
        field++;
        i++;
      } else if (c == '\n') {
        endField();
        put((byte) '}');
        put((byte) '\n');
        field = 0;
        i++;
      } else if (!started && c == '"') {
        started = true;
        inQuotes = true;
        i++;
      } else {
        // an unquoted field holds no quote, comma or line break (the row writer quotes those)
        started = true;
        int r = i + 1;
        while (r < end && b[r] != ',' && b[r] != '\n') {
          r++;
        }
        addAll(b, i, r);
        i = r;
      }
    }
  }

  private void addAll(byte[] b, int from, int to) throws IOException {
    while (from < to) {
      if (length == scratch.length) {
        if (shapes[field] != Shape.STRING) {
          throw new CopyCsvRewriter.NotExact("a number of more than " + PIECE + " characters");
        }
        escapePiece(false);
      }
      int n = Math.min(to - from, scratch.length - length);
      System.arraycopy(b, from, scratch, length, n);
      length += n;
      from += n;
    }
  }

  private void add(byte c) throws IOException {
    if (length == scratch.length) {
      if (shapes[field] != Shape.STRING) {
        throw new CopyCsvRewriter.NotExact("a number of more than " + PIECE + " characters");
      }
      escapePiece(false);
    }
    scratch[length++] = c;
  }

  /** Escapes the text taken so far (but a character it ends in the middle of, unless last). */
  private void escapePiece(boolean last) throws IOException {
    if (!opened) {
      putAll(keys[field], keys[field].length);
      put((byte) '"');
      opened = true;
    }
    int cut = length;
    if (!last) {
      int k = length - 1;
      while (k > 0 && (scratch[k] & 0xC0) == 0x80) {
        k--;
      }
      int lead = scratch[k] & 0xFF;
      int n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      if (k + n > length) {
        cut = k;
      }
    }
    room(cut * JsonBytes.MAX_PER_BYTE + 16);
    int p = JsonBytes.escape(scratch, 0, cut, buffer, used, false);
    if (p < 0) {
      throw new CopyCsvRewriter.NotExact("a text of column #" + (field + 1) + " is not UTF-8");
    }
    used = p;
    System.arraycopy(scratch, cut, scratch, 0, length - cut);
    length -= cut;
  }

  private void endField() throws IOException {
    if (field >= shapes.length) {
      throw new CopyCsvRewriter.NotExact("a record of more than " + shapes.length + " fields");
    }
    Shape shape = shapes[field];
    if (!started) {
      putAll(keys[field], keys[field].length);
      putAll(NULL, NULL.length);
    } else if (shape == Shape.STRING) {
      escapePiece(true);
      put((byte) '"');
    } else {
      putAll(keys[field], keys[field].length);
      boolean bare = shape == Shape.BARE || number();
      if (!bare) {
        put((byte) '"');
      }
      putAll(scratch, length);
      if (!bare) {
        put((byte) '"');
      }
    }
    length = 0;
    started = false;
    opened = false;
  }

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /** Whether the text taken is a number as Java prints a finite one (not NaN, Infinity). */
  private boolean number() {
    int i = length > 0 && scratch[0] == '-' ? 1 : 0;
    return i < length && scratch[i] >= '0' && scratch[i] <= '9';
  }

  private void room(int n) throws IOException {
    if (used + n > buffer.length) {
      flushBuffer();
      if (n > buffer.length) {
        throw new IllegalStateException("a piece larger than the buffer");
      }
    }
  }

  private void put(byte b) throws IOException {
    if (used == buffer.length) {
      flushBuffer();
    }
    buffer[used++] = b;
  }

  private void putAll(byte[] b, int n) throws IOException {
    room(n);
    System.arraycopy(b, 0, buffer, used, n);
    used += n;
  }

  private void flushBuffer() throws IOException {
    if (used > 0) {
      out.write(buffer, 0, used);
      used = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  /** Flushes; does not close the stream it writes to. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
