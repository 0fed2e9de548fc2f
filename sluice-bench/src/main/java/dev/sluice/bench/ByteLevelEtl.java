package dev.sluice.bench;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The byte-level reference of {@code bench/etl.sh}: CSV to JSON Lines with one column masked,
 * written for exactly this job, on one thread, with no String per field. It reads big blocks into a
 * byte[], parses RFC 4180 on the bytes (records may span blocks; CR, LF and CRLF end records; empty
 * lines are skipped) and writes each record as {@code {"name":"value",...}} with the escapes of
 * Jackson's UTF8JsonGenerator (default features: control bytes as &#92;uXXXX with upper-case hex,
 * characters above U+FFFF as two such surrogate escapes, all else as is), so its output is
 * byte-identical to that of {@code sluice convert --mask} and {@link HandLoopEtl}. Scans and copies
 * look at 8 bytes at a time (SWAR).
 *
 * <p>Limits, as a benchmark reference: the input must be UTF-8 and is not validated (FastCSV would
 * decode bad bytes to U+FFFD, this copies them); no BOM detection; ',' and '"' only; a record with
 * another field count than the header, characters after a closing quote and an unclosed quote fail.
 * The mask keeps the first code point and the part from the last '@', like sluice-cli's {@code
 * Masking.mask} (HandLoopEtl keeps the first UTF-16 unit, so it differs on a masked value that
 * starts with a character above U+FFFF).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sluice.bench.ByteLevelEtl IN.csv OUT.jsonl
 * [COLUMN]}; {@code -Dbytelevel.block=N} sets the initial block size (default 1 MiB; tests use tiny
 * ones to put block boundaries everywhere).
 */
public final class ByteLevelEtl {
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = ONES << 7;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STARS = {'*', '*', '*'};
  private static final byte[] RECORD_END = {'"', '}', '\n'};

  /** Per byte: 0 copies it, else its escape letter, 'u' for &#92;u00XX or 'S' for a 4-byte lead. */
  private static final byte[] ESCAPE = new byte[256];

  static {
    Arrays.fill(ESCAPE, 0, 0x20, (byte) 'u');
    ESCAPE['\b'] = 'b';
    ESCAPE['\t'] = 't';
    ESCAPE['\n'] = 'n';
    ESCAPE['\f'] = 'f';
    ESCAPE['\r'] = 'r';
    ESCAPE['"'] = '"';
    ESCAPE['\\'] = '\\';
    Arrays.fill(ESCAPE, 0xF0, 0xF8, (byte) 'S');
  }

  private final InputStream in;
  private final OutputStream out;
  private byte[] buf; // input: [0, limit) read, the current record from the position given
  private int limit;
  private boolean eof;
  private byte[] dst = new byte[1 << 20]; // output: [0, pos) not written yet
  private int pos;
  // The record parsed last: field i is buf[starts[i], ends[i]), with "" for " if quoted[i].
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] quoted = new boolean[16];
  private int fields;
  // From the header: {"name":" for the first column, ","name":" for the others.
  private byte[][] prefixes;
  private int prefixBytes;
  private int masked = -1;

  ByteLevelEtl(InputStream in, OutputStream out, int blockSize) {
    this.in = in;
    this.out = out;
    this.buf = new byte[Math.max(blockSize, 1)];
  }

  /** Converts args[0] to args[1], masking column args[2] (default: email). */
  public static void main(String[] args) throws IOException {
    String column = args.length > 2 ? args[2] : "email";
    long start = System.nanoTime();
    long rows;
    try (InputStream in = new FileInputStream(args[0]);
        OutputStream out = new FileOutputStream(args[1])) {
      rows = new ByteLevelEtl(in, out, Integer.getInteger("bytelevel.block", 1 << 20)).run(column);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double mb = Files.size(Path.of(args[0])) / 1048576.0;
    System.err.printf(
        "byte level: %d rows, %.1f MB in %.2f s, %.1f MB/s%n", rows, mb, seconds, mb / seconds);
  }

  /** Converts all records after the header; returns how many it wrote. */
  long run(String column) throws IOException {
    int p = nextRecord(0);
    if (p >= 0) {
      header(column);
    }
    long rows = 0;
    while (p >= 0 && (p = nextRecord(p)) >= 0) {
      if (fields != prefixes.length) {
        throw new IOException(
            "record " + (rows + 2) + ": " + fields + " fields, not " + prefixes.length);
      }
      writeRecord();
      rows++;
    }
    out.write(dst, 0, pos);
    return rows;
  }

  private void header(String column) throws IOException {
    prefixes = new byte[fields][];
    for (int i = 0; i < fields; i++) {
      String raw = new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
      String name = quoted[i] ? raw.replace("\"\"", "\"") : raw;
      masked = masked < 0 && name.equals(column) ? i : masked;
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      ensure(6 * bytes.length + 16);
      put(i == 0 ? new byte[] {'{', '"'} : new byte[] {'"', ',', '"'});
      escape(bytes, 0, bytes.length, false);
      put(new byte[] {'"', ':', '"'});
      prefixes[i] = Arrays.copyOf(dst, pos);
      prefixBytes += pos;
      pos = 0;
    }
  }

  private void writeRecord() throws IOException {
    // at most 6 bytes out per byte in (an escaped control byte), the stars, 8 for a long store
    ensure(prefixBytes + 6 * (ends[fields - 1] - starts[0]) + STARS.length + RECORD_END.length + 8);
    for (int i = 0; i < fields; i++) {
      put(prefixes[i]);
      if (i == masked) {
        mask(starts[i], ends[i], quoted[i]);
      } else {
        escape(buf, starts[i], ends[i], quoted[i]);
      }
    }
    put(RECORD_END);
  }

  /** Parses the next non-empty record at or after p; returns the position after it, or -1. */
  private int nextRecord(int p) throws IOException {
    while (true) {
      while (p < limit && (buf[p] == '\n' || buf[p] == '\r')) {
        p++; // empty lines, and the LF of a CRLF
      }
      if (p == limit && eof) {
        return -1;
      }
      int end = p < limit ? parse(p) : -1;
      if (end >= 0) {
        return end;
      }
      p = fill(p);
    }
  }

  /** Keeps buf[from, limit) (at 0, in a bigger buf if it is full) and reads more; returns 0. */
  private int fill(int from) throws IOException {
    limit -= from;
    System.arraycopy(buf, from, buf, 0, limit);
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    eof = n < 0;
    limit += Math.max(n, 0);
    return 0;
  }

  /** Parses the record at p into the field arrays; -1 if it may go on after limit. */
  private int parse(int p) throws IOException {
    byte[] b = buf;
    int n = limit;
    for (int f = 0; ; f++) {
      if (f == starts.length) {
        starts = Arrays.copyOf(starts, f * 2);
        ends = Arrays.copyOf(ends, f * 2);
        quoted = Arrays.copyOf(quoted, f * 2);
      }
      boolean q = p < n && b[p] == '"';
      int s = q ? ++p : p;
      p = find(b, p, n, q);
      while (q && p + 1 < n && b[p + 1] == '"') {
        p = find(b, p + 2, n, true); // a doubled quote
      }
      if (q && p + 1 >= n && !eof) {
        return -1; // the byte after the quote (a second quote?) is not read yet
      } else if (q && p == n) {
        throw new IOException("unclosed quoted field at the end of the input");
      }
      starts[f] = s;
      ends[f] = p;
      quoted[f] = q;
      p += q ? 1 : 0;
      if (p == n || b[p] != ',') {
        fields = f + 1;
        if (p < n && b[p] != '\n' && b[p] != '\r') {
          throw new IOException("unexpected character after a closing quote");
        }
        return p < n ? p + 1 : eof ? p : -1;
      }
      p++;
    }
  }

  /** The first quote (q) or ',', CR or LF (not q) in b[p, n), or n. */
  private static int find(byte[] b, int p, int n, boolean q) {
    for (; p + 8 <= n; p += 8) {
      long w = (long) LONG.get(b, p);
      long hits =
          q
              ? zeros(w ^ ONES * '"')
              : zeros(w ^ ONES * ',') | zeros(w ^ ONES * '\n') | zeros(w ^ ONES * '\r');
      if (hits != 0) {
        return p + (Long.numberOfTrailingZeros(hits) >>> 3);
      }
    }
    while (p < n && (q ? b[p] != '"' : b[p] != ',' && b[p] != '\n' && b[p] != '\r')) {
      p++;
    }
    return p;
  }

  /** The high bit of each zero byte of x (and maybe of bytes above one: exact for the lowest). */
  private static long zeros(long x) {
    return (x - ONES) & ~x & HIGH;
  }

  /** The high bit of each byte of w that JSON escapes: < 0x20, '"', '\\', 0xF0.. (likewise). */
  private static long special(long w) {
    long below20 = (w - ONES * 0x20) & ~w & HIGH;
    return below20 | zeros(w ^ ONES * '"') | zeros(w ^ ONES * '\\') | zeros(~w & ONES * 0xF0);
  }

  /** Writes the masked field buf[s, e): empty, "***", or its first code point + "***" + "@...". */
  private void mask(int s, int e, boolean q) {
    if (s == e) {
      return;
    }
    int at = e - 1;
    while (at >= s && buf[at] != '@') {
      at--;
    }
    if (at > s) {
      int lead = buf[s] & 0xFF;
      int first = q && lead == '"' ? 2 : lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      escape(buf, s, Math.min(s + first, at), q);
    }
    put(STARS);
    if (at >= s) {
      escape(buf, at, e, q);
    }
  }

  /** Writes src[s, e) JSON-escaped; q: a quoted CSV field, where "" stands for ". */
  private void escape(byte[] src, int s, int e, boolean q) {
    int i = s;
    while (i < e) {
      int n = Math.min(8, e - i);
      long w = i + 8 <= src.length ? (long) LONG.get(src, i) : -1L; // -1: take the slow way
      if ((special(w) & -1L >>> (64 - 8 * n)) == 0) {
        LONG.set(dst, pos, w); // all 8 bytes; those after n are overwritten next
        pos += n;
        i += n;
      } else {
        i = escapeByte(src, i, e, q);
      }
    }
  }

  /** Writes src[i] (or the 4-byte sequence or doubled quote there) escaped; returns the next i. */
  private int escapeByte(byte[] src, int i, int e, boolean q) {
    byte c = src[i];
    byte x = ESCAPE[c & 0xFF];
    if (x == 0 || x == 'S' && i + 3 >= e) {
      dst[pos++] = c; // also a cut 4-byte sequence: not validated
    } else if (x == 'S') {
      int cp = (c & 7) << 18 | (src[i + 1] & 0x3F) << 12 | (src[i + 2] & 0x3F) << 6;
      cp = (cp | (src[i + 3] & 0x3F)) - 0x10000;
      hex4(0xD800 + (cp >> 10));
      hex4(0xDC00 + (cp & 0x3FF));
      return i + 4;
    } else if (x == 'u') {
      hex4(c);
    } else {
      dst[pos++] = '\\';
      dst[pos++] = x;
      return i + (q && c == '"' ? 2 : 1);
    }
    return i + 1;
  }

  /** Writes &#92;uXXXX (upper-case hex, like Jackson). */
  private void hex4(int ch) {
    byte[] d = dst;
    d[pos] = '\\';
    d[pos + 1] = 'u';
    d[pos + 2] = HEX[ch >> 12 & 0xF];
    d[pos + 3] = HEX[ch >> 8 & 0xF];
    d[pos + 4] = HEX[ch >> 4 & 0xF];
    d[pos + 5] = HEX[ch & 0xF];
    pos += 6;
  }

  private void put(byte[] bytes) {
    System.arraycopy(bytes, 0, dst, pos, bytes.length);
    pos += bytes.length;
  }

  /** Makes room for n more bytes in dst: writes it out (and grows it for a huge record). */
  private void ensure(int n) throws IOException {
    if (pos + n > dst.length) {
      out.write(dst, 0, pos);
      pos = 0;
      dst = n > dst.length ? new byte[n] : dst;
    }
  }
}
