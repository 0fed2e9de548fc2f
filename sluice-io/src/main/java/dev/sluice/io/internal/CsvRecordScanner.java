package dev.sluice.io.internal;

/**
 * Finds the fields of one CSV record in bytes, without decoding them: the common, clean case of
 * what FastCSV reads (RFC 4180 quoting with a doubled quote for a quote, LF or CRLF line ends,
 * empty lines skipped), for records of a known width. Anything else (a quote inside an unquoted
 * field, text after a closing quote, a lone CR outside quotes, an unclosed quote, a record of
 * another width) is {@link #ODD}: the caller leaves it to the full parser, which knows what to do
 * and what to say. Not thread-safe; one per parse, reused from record to record.
 */
public final class CsvRecordScanner {
  /** The record runs past the bytes given, which are not the end of the input. */
  public static final int MORE = -1;

  /** The record is not the clean case. */
  public static final int ODD = -2;

  private final int width;
  private final byte separator;
  private final byte quote;
  private final int[] starts;
  private final int[] ends;
  private final boolean[] doubled;

  /** 1 for the bytes that end an unquoted field's run: separator, quote, CR and LF. */
  private final byte[] stops = new byte[256];

  private final long separators;
  private final long quotes;
  private static final long CRS = Swar.repeat('\r');
  private static final long LFS = Swar.repeat('\n');

  private int lineBreaks;
  private boolean empty;
  private boolean lineEnd;

  /** A scanner of records of {@code width} fields (&gt; 0), separated and quoted by ASCII bytes. */
  public CsvRecordScanner(int width, char separator, char quote) {
    if (width <= 0 || separator >= 0x80 || quote >= 0x80 || separator == quote) {
      throw new IllegalArgumentException(
          "width " + width + ", separator " + (int) separator + ", quote " + (int) quote);
    }
    this.width = width;
    this.separator = (byte) separator;
    this.quote = (byte) quote;
    this.starts = new int[width];
    this.ends = new int[width];
    this.doubled = new boolean[width];
    this.separators = Swar.repeat(separator);
    this.quotes = Swar.repeat(quote);
    stops[separator] = 1;
    stops[quote] = 1;
    stops['\r'] = 1;
    stops['\n'] = 1;
  }

  /**
   * Scans the record or empty line at {@code b[from]} (a record start, {@code from < end}) and
   * returns the position after its line end (the end, if the input ends there: {@code eof}), or
   * {@link #MORE} or {@link #ODD}.
   */
  public int scan(byte[] b, int from, int end, boolean eof) {
    lineBreaks = 0;
    empty = false;
    lineEnd = false;
    int after = lineEnd(b, from, end, eof);
    if (after != ODD) {
      empty = after >= 0;
      return after;
    }
    int p = from;
    for (int field = 0; ; field++) {
      if (field == width) {
        return ODD;
      }
      doubled[field] = false;
      if (p < end && b[p] == quote) {
        int close = closingQuote(b, p + 1, end, eof, field);
        if (close < 0) {
          return close;
        }
        starts[field] = p + 1;
        ends[field] = close;
        p = close + 1;
      } else {
        int q = unquotedEnd(b, p, end);
        starts[field] = p;
        ends[field] = q;
        p = q;
      }
      if (p == end) {
        return !eof ? MORE : field == width - 1 ? end : ODD;
      }
      if (b[p] == separator) {
        p++;
        continue;
      }
      int next = lineEnd(b, p, end, eof);
      if (next < 0) {
        return next == MORE ? MORE : ODD;
      }
      return field == width - 1 ? next : ODD;
    }
  }

  /** After an LF or CRLF at {@code p}: the position after it (counted), else MORE or ODD. */
  private int lineEnd(byte[] b, int p, int end, boolean eof) {
    if (b[p] == '\n') {
      lineBreaks++;
      lineEnd = true;
      return p + 1;
    }
    if (b[p] != '\r') {
      return ODD;
    }
    if (p + 1 == end) {
      return eof ? ODD : MORE;
    }
    if (b[p + 1] != '\n') {
      return ODD;
    }
    lineBreaks++;
    lineEnd = true;
    return p + 2;
  }

  /** The first separator, quote, CR or LF at or after {@code p}, or {@code end}. */
  private int unquotedEnd(byte[] b, int p, int end) {
    int q = p;
    while (q + 8 <= b.length && q < end) { // bytes past the end may be read, not taken
      long x = Swar.get(b, q);
      long found =
          Swar.equal(x, separators)
              | Swar.equal(x, quotes)
              | Swar.equal(x, CRS)
              | Swar.equal(x, LFS);
      if (found != 0) {
        return Math.min(end, q + Swar.first(found));
      }
      q += 8;
    }
    while (q < end && stops[b[q] & 0xFF] == 0) {
      q++;
    }
    return Math.min(q, end);
  }

  /** The first quote, CR or LF at or after {@code p}, or {@code end}. */
  private int quotedStop(byte[] b, int p, int end) {
    int q = p;
    while (q + 8 <= b.length && q < end) { // bytes past the end may be read, not taken
      long x = Swar.get(b, q);
      long found = Swar.equal(x, quotes) | Swar.equal(x, CRS) | Swar.equal(x, LFS);
      if (found != 0) {
        return Math.min(end, q + Swar.first(found));
      }
      q += 8;
    }
    while (q < end && b[q] != quote && b[q] != '\r' && b[q] != '\n') {
      q++;
    }
    return Math.min(q, end);
  }

  /** The closing quote of a field whose text starts at {@code p}, counting its line breaks. */
  private int closingQuote(byte[] b, int p, int end, boolean eof, int field) {
    int q = p;
    while (true) {
      q = quotedStop(b, q, end);
      if (q == end) {
        return eof ? ODD : MORE;
      }
      byte c = b[q];
      if (c == quote) {
        if (q + 1 == end) {
          if (!eof) {
            return MORE;
          }
          return q;
        }
        if (b[q + 1] != quote) {
          return q;
        }
        doubled[field] = true;
        q += 2;
        continue;
      }
      if (c == '\n') {
        lineBreaks++;
      } else if (c == '\r') {
        if (q + 1 == end && !eof) {
          return MORE;
        }
        if (q + 1 == end || b[q + 1] != '\n') {
          lineBreaks++;
        }
      }
      q++;
    }
  }

  /** Whether the last scan found an empty line (no record). */
  public boolean empty() {
    return empty;
  }

  /** Whether the last scan ended at a line end (else at the end of the input). */
  public boolean lineEnd() {
    return lineEnd;
  }

  /** The line breaks in the last record scanned (in quoted fields and at its end). */
  public int lineBreaks() {
    return lineBreaks;
  }

  /** Where field {@code i}'s text starts (after an opening quote). */
  public int start(int i) {
    return starts[i];
  }

  /** Where field {@code i}'s text ends (at a closing quote). */
  public int end(int i) {
    return ends[i];
  }

  /** Whether field {@code i} holds doubled quotes, each of which stands for one. */
  public boolean doubled(int i) {
    return doubled[i];
  }

  /**
   * Copies field {@code i}'s value, each doubled quote made one, to {@code dst} at {@code p};
   * returns the position after it.
   */
  public int unquote(byte[] b, int i, byte[] dst, int p) {
    for (int k = starts[i], e = ends[i]; k < e; k++) {
      dst[p++] = b[k];
      if (b[k] == quote) {
        k++;
      }
    }
    return p;
  }
}
