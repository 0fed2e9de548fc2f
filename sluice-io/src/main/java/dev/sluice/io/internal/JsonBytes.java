package dev.sluice.io.internal;

import java.nio.charset.StandardCharsets;

/**
 * JSON string escaping straight from UTF-8 (or US-ASCII) bytes to UTF-8 bytes, checking the input
 * as it goes: the bytes {@link JsonRowWriter} writes for the text those bytes decode to ({@code
 * \"}, {@code \\}, {@code \b \t \n \f \r} short, other control characters and both halves of a
 * supplementary character as {@code \}{@code uXXXX} with upper-case hex, everything else as its
 * UTF-8 bytes). Bytes that do not decode (a stray continuation byte, an overlong form, an encoded
 * surrogate, a value past U+10FFFF, a cut sequence; for US-ASCII any byte from 0x80) make the
 * methods answer -1 or false, so that a caller leaves such input to the decoding path and its
 * {@link dev.sluice.io.MalformedInput} policy. Stateless; thread-safe.
 */
public final class JsonBytes {
  /** The longest a byte of input can get in output: {@code \}{@code u00XX} for a control byte. */
  public static final int MAX_PER_BYTE = 6;

  /** Upper-case hex digits, for {@code \}{@code u00XX}; shared with {@link JsonRowWriter}. */
  static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /**
   * For ASCII: 0 written as is, a letter for a short escape, 'u' for a six-byte escape; shared with
   * {@link JsonRowWriter}, so both write the same escapes. Never written after this class is set
   * up.
   */
  static final byte[] ESCAPE = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPE[c] = 'u';
    }
    ESCAPE['\b'] = 'b';
    ESCAPE['\t'] = 't';
    ESCAPE['\n'] = 'n';
    ESCAPE['\f'] = 'f';
    ESCAPE['\r'] = 'r';
    ESCAPE['"'] = '"';
    ESCAPE['\\'] = '\\';
  }

  private static final long QUOTES = Swar.repeat('"');
  private static final long SLASHES = Swar.repeat('\\');

  private JsonBytes() {}

  /**
   * Writes the escaped form of {@code src[from..to)} to {@code dst} at {@code p} (which needs room
   * for {@link #MAX_PER_BYTE} bytes per input byte; up to 8 bytes past the output may be
   * overwritten where the array has them) and returns the position after it, or -1 if the input
   * does not decode ({@code ascii}: as US-ASCII; else as UTF-8).
   */
  public static int escape(byte[] src, int from, int to, byte[] dst, int p, boolean ascii) {
    int i = from;
    while (i < to) {
      if (i + 8 <= src.length && p + 8 <= dst.length) {
        // eight bytes at once (some may lie past the end: only those before it count)
        long x = Swar.get(src, i);
        long special =
            (x & Swar.HIGH) | Swar.control(x) | Swar.equal(x, QUOTES) | Swar.equal(x, SLASHES);
        int plain = special == 0 ? 8 : Swar.first(special);
        if (plain > 0) {
          Swar.set(dst, p, x);
          int step = Math.min(plain, to - i);
          i += step;
          p += step;
          continue;
        }
      }
      int c = src[i];
      if (c >= 0) {
        byte e = ESCAPE[c];
        if (e == 0) {
          dst[p++] = (byte) c;
        } else if (e != 'u') {
          dst[p++] = '\\';
          dst[p++] = e;
        } else {
          p = unicodeEscape((char) c, dst, p);
        }
        i++;
        continue;
      }
      int n = ascii ? -1 : sequence(src, i, to);
      if (n < 0) {
        return -1;
      }
      if (n < 4) {
        System.arraycopy(src, i, dst, p, n);
        p += n;
      } else {
        int cp =
            ((src[i] & 0x07) << 18)
                | ((src[i + 1] & 0x3F) << 12)
                | ((src[i + 2] & 0x3F) << 6)
                | (src[i + 3] & 0x3F);
        p = unicodeEscape(Character.highSurrogate(cp), dst, p);
        p = unicodeEscape(Character.lowSurrogate(cp), dst, p);
      }
      i += n;
    }
    return p;
  }

  /** Whether {@code src[from..to)} decodes ({@code ascii}: as US-ASCII; else as UTF-8). */
  public static boolean valid(byte[] src, int from, int to, boolean ascii) {
    int i = from;
    while (i < to) {
      if (i + 8 <= to && (Swar.get(src, i) & Swar.HIGH) == 0) {
        i += 8;
        continue;
      }
      if (src[i] >= 0) {
        i++;
        continue;
      }
      int n = ascii ? -1 : sequence(src, i, to);
      if (n < 0) {
        return false;
      }
      i += n;
    }
    return true;
  }

  /**
   * The length of the well-formed UTF-8 sequence of a non-ASCII character at {@code src[i]} that
   * ends by {@code to}, or -1 (the ranges of Unicode's table 3-7).
   */
  static int sequence(byte[] src, int i, int to) {
    int c = src[i] & 0xFF;
    if (c < 0xC2 || c > 0xF4) {
      return -1;
    }
    int n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > to) {
      return -1;
    }
    int c1 = src[i + 1] & 0xFF;
    int low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    int high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (c1 < low || c1 > high) {
      return -1;
    }
    for (int k = 2; k < n; k++) {
      if ((src[i + k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return n;
  }

  /** The byte length of the character whose (well-formed) UTF-8 sequence starts with {@code b}. */
  public static int charLength(byte b) {
    int c = b & 0xFF;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }

  /** Writes {@code \}{@code uXXXX} for {@code c} at {@code p}; returns the position after it. */
  static int unicodeEscape(char c, byte[] b, int p) {
    b[p++] = '\\';
    b[p++] = 'u';
    b[p++] = HEX[c >> 12];
    b[p++] = HEX[(c >> 8) & 0xF];
    b[p++] = HEX[(c >> 4) & 0xF];
    b[p++] = HEX[c & 0xF];
    return p;
  }
}
