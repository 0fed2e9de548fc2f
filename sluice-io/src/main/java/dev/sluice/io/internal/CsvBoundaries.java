package dev.sluice.io.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where CSV records end in raw bytes, following the quote rules of the CSV parser (FastCSV's
 * strict parser): a quote opens a quoted field at the start of a field or right after a closing
 * quote (the second quote of an escaped {@code ""}), and is an ordinary character inside an
 * unquoted field; outside quotes CR, LF and CRLF end a record. A record boundary is the position
 * after an LF outside quotes.
 *
 * <p>Works on the bytes of an ASCII-compatible charset (UTF-8, ISO-8859-1), where the separator,
 * the quote, CR and LF never occur inside a multi-byte character. Between quotes it looks at eight
 * bytes at a time. Keeps the state between calls, so a stream can be fed a block at a time. Not
 * thread-safe.
 */
public final class CsvBoundaries {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  private static final int FIELD_START = 0;
  private static final int DATA = 1;
  private static final int QUOTED = 2;
  private static final int CLOSED = 3;

  private final byte separator;
  private final byte quote;
  private final boolean quotes;
  private int state = FIELD_START;

  /** A scanner at the start of a record, for ASCII {@code separator} and {@code quote}. */
  public CsvBoundaries(char separator, char quote) {
    if (separator > 0x7F || quote > 0x7F) {
      throw new IllegalArgumentException(
          "separator and quote must be ASCII, were " + (int) separator + " and " + (int) quote);
    }
    this.separator = (byte) separator;
    this.quote = (byte) quote;
    this.quotes = true;
  }

  private CsvBoundaries() {
    this.separator = '\n';
    this.quote = '\n';
    this.quotes = false;
  }

  /**
   * A scanner for which every LF ends a record, for inputs without quoting such as JSON Lines
   * (whose strings cannot hold a raw LF).
   */
  public static CsvBoundaries lineEnds() {
    return new CsvBoundaries();
  }

  /** Whether the bytes so far end inside a quoted field. */
  public boolean inQuotes() {
    return state == QUOTED;
  }

  /**
   * Reads {@code b[from, to)} on from the current state and returns the position after the first LF
   * outside quotes at an index {@code >= lookFrom}, where it stops (at the start of a record); or
   * -1 when there is none, having read every byte. A {@code lookFrom} at or after {@code to} only
   * follows the quotes.
   */
  public int scan(byte[] b, int from, int to, int lookFrom) {
    if (!quotes) {
      int lf = indexOf(b, Math.max(from, lookFrom), to, (byte) '\n');
      return lf < 0 ? -1 : lf + 1;
    }
    int s = state;
    int i = from;
    while (i < to) {
      if (s == QUOTED) {
        int q = indexOf(b, i, to, quote);
        if (q < 0) {
          i = to;
          break;
        }
        s = CLOSED;
        i = q + 1;
      } else if (i >= lookFrom || s == CLOSED) {
        byte c = b[i++];
        if (c == '\n' && i > lookFrom) {
          state = FIELD_START;
          return i;
        }
        s = step(s, c);
      } else {
        int limit = Math.min(to, lookFrom);
        int q = indexOf(b, i, limit, quote);
        int end = q < 0 ? limit : q;
        if (end > i) {
          s = ends(b[end - 1]) ? FIELD_START : DATA;
        }
        if (q >= 0) {
          s = s == DATA ? DATA : QUOTED;
          end++;
        }
        i = end;
      }
    }
    state = s;
    return -1;
  }

  private int step(int s, byte c) {
    if (ends(c)) {
      return FIELD_START;
    }
    if (c == quote) {
      return s == DATA ? DATA : QUOTED;
    }
    return s == CLOSED ? CLOSED : DATA;
  }

  /** Whether {@code c} ends a field outside quotes. */
  private boolean ends(byte c) {
    return c == separator || c == '\n' || c == '\r';
  }

  /** The index of the first {@code x} in {@code b[from, to)}, or -1. */
  static int indexOf(byte[] b, int from, int to, byte x) {
    long pattern = (x & 0xFFL) * ONES;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long v = (long) LONGS.get(b, i) ^ pattern;
      long found = (v - ONES) & ~v & HIGH; // the lowest set bit marks the first zero byte
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }
}
