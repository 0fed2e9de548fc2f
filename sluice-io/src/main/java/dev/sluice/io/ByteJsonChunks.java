package dev.sluice.io;

import dev.sluice.Columns;
import dev.sluice.io.internal.CsvRecordScanner;
import dev.sluice.io.internal.JsonBytes;
import dev.sluice.io.internal.Masking;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Converts a chunk of a CSV file to JSON Lines on its bytes, for {@link CsvChunkRun}'s guesses: the
 * records are found by a {@link CsvRecordScanner}, masked, hashed, selected and renamed on bytes,
 * and escaped straight from the input's UTF-8 into the chunk's output, so no field becomes a {@code
 * String}. The bytes, rows and line counts are those {@link CsvChunkParser} gives for the chunk.
 * Only the common case is taken: {@link #of} is null for settings or rules it does not do (another
 * charset, lenient reading, conditions, inference, ...), and {@link #encode} is null for a chunk
 * with anything else in it (bytes that do not decode, an odd record, a record near a limit): the
 * caller then parses that chunk the full way, which decides and reports as it always did.
 *
 * <p>Thread-safe: each {@link #encode} call has its own state; input buffers are pooled.
 */
final class ByteJsonChunks {
  /** How a chunk went: where it ended and what was read. */
  record Chunk(long end, CsvChunkParser.Done done) {}

  private static final byte PLAIN = 0;
  private static final byte MASK = 1;
  private static final byte HASH = 2;
  private static final byte DROP = 3;
  private static final byte[] STARS = {'*', '*', '*'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Bytes read past the chunk's guessed end at first, for the record that crosses it. */
  private static final int TAIL = 1 << 16;

  private final CsvSettings settings;
  private final boolean ascii;
  private final int width;
  private final int[] outAt;
  private final byte[][] keys;
  private final int keyBytes;
  private final byte[] kind;
  private final byte[] hashKey;
  private final int maxRecordBytes;
  private final Queue<byte[]> inputs = new ConcurrentLinkedQueue<>();

  private ByteJsonChunks(
      CsvSettings settings, int width, int[] outAt, byte[][] keys, byte[] kind, byte[] hashKey) {
    this.settings = settings;
    this.ascii = settings.charset().equals(StandardCharsets.US_ASCII);
    this.width = width;
    this.outAt = outAt;
    this.keys = keys;
    int sum = 0;
    for (byte[] k : keys) {
      sum += k.length;
    }
    this.keyBytes = sum;
    this.kind = kind;
    this.hashKey = hashKey;
    this.maxRecordBytes = Math.min(settings.maxRecordSize(), settings.maxBufferSize() / 2);
  }

  /**
   * The byte converter for a file read as {@code settings} say, with the columns {@code header},
   * applying {@code rules}; null if it does not do them (the caller parses the full way).
   */
  static ByteJsonChunks of(CsvSettings settings, Columns header, RowRules rules) {
    if (!CsvHead.onBytes(settings)
        || header.size() < 2
        || header.size() > settings.maxFields()
        || header.hasDuplicates()
        || !rules.conditions().isEmpty()
        || rules.infers()) {
      return null;
    }
    try {
      rules.check(header.names());
    } catch (IllegalArgumentException e) {
      return null;
    }
    byte[] kind = new byte[header.size()];
    if (!mark(kind, header, rules.masked(), MASK) || !mark(kind, header, rules.hashed(), HASH)) {
      return null;
    }
    List<String> kept = rules.selected().isEmpty() ? header.names() : rules.selected();
    List<String> names = rules.outputNames(header.names());
    if (new HashSet<>(names).size() != names.size()) {
      return null;
    }
    int[] outAt = kept.stream().mapToInt(header::find).toArray();
    boolean[] shown = new boolean[header.size()];
    for (int at : outAt) {
      shown[at] = true;
    }
    for (int c = 0; c < kind.length; c++) {
      if (!shown[c]) {
        kind[c] = DROP;
      }
    }
    byte[][] keys = new byte[names.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(names.get(i), i == 0);
      if (keys[i] == null) {
        return null;
      }
    }
    return new ByteJsonChunks(settings, header.size(), outAt, keys, kind, rules.hashKey());
  }

  /** Marks the columns as {@code how}; false if one is named twice or marked already. */
  private static boolean mark(byte[] kind, Columns header, List<String> columns, byte how) {
    Set<String> seen = new HashSet<>();
    for (String c : columns) {
      int at = header.find(c);
      if (!seen.add(c) || kind[at] != PLAIN) {
        return false;
      }
      kind[at] = how;
    }
    return true;
  }

  /** The key of an object's first or next field, escaped; null for a lone surrogate in it. */
  private static byte[] key(String name, boolean first) {
    if (Masking.loneSurrogate(name) >= 0) {
      return null;
    }
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[utf8.length * JsonBytes.MAX_PER_BYTE + 4];
    b[0] = (byte) (first ? '{' : ',');
    b[1] = '"';
    int p = JsonBytes.escape(utf8, 0, utf8.length, b, 2, false);
    b[p++] = '"';
    b[p++] = ':';
    return java.util.Arrays.copyOf(b, p);
  }

  /**
   * Converts the chunk of {@code channel} (of {@code size} bytes) from {@code start} (a record
   * start) to after the first LF outside quotes at or after {@code lookFrom} (or the end), into
   * {@code out}; null (with {@code out} partly written) if the chunk is not the common case or runs
   * past {@code overrunAt}.
   */
  Chunk encode(
      FileChannel channel, long start, long size, long lookFrom, long overrunAt, ChunkBytes out)
      throws IOException {
    long first =
        lookFrom - start >= size - start - TAIL
            ? size - start
            : Math.max(0, lookFrom - start) + TAIL;
    if (first > Integer.MAX_VALUE / 2) {
      return null;
    }
    byte[] in = inputs.poll();
    if (in == null || in.length < first) {
      in = new byte[(int) first];
    }
    try {
      return encode(channel, start, size, lookFrom, overrunAt, in, (int) first, out);
    } finally {
      if (in.length <= 8 << 20) {
        inputs.add(in);
      }
    }
  }

  private Chunk encode(
      FileChannel channel,
      long start,
      long size,
      long lookFrom,
      long overrunAt,
      byte[] in,
      int want,
      ChunkBytes out)
      throws IOException {
    Run run = new Run();
    CsvRecordScanner scanner =
        new CsvRecordScanner(width, settings.fieldSeparator(), settings.quoteCharacter());
    int n = read(channel, start, in, 0, want);
    if (n < want) {
      return null;
    }
    long lines = 0;
    long lastLine = 0;
    long records = 0;
    int p = 0;
    while (start + p < size) {
      boolean eof = start + n == size;
      int next = p < n ? scanner.scan(in, p, n, eof) : CsvRecordScanner.MORE;
      if (next == CsvRecordScanner.ODD) {
        return null;
      }
      if (next == CsvRecordScanner.MORE) {
        long more = Math.min(size - start, 2L * n);
        if (start + n > overrunAt || more > Integer.MAX_VALUE / 2) {
          return null;
        }
        byte[] bigger = java.util.Arrays.copyOf(in, (int) more);
        int got = read(channel, start + n, bigger, n, (int) more - n);
        if (got < (int) more - n) {
          return null;
        }
        in = bigger;
        n = (int) more;
        continue;
      }
      if (!scanner.empty()) {
        if (next - p > maxRecordBytes || !run.record(in, scanner, out)) {
          return null;
        }
        records++;
        lastLine = lines + 1;
      }
      if (scanner.lineEnd()) {
        lines += scanner.lineBreaks();
      } // else the last record, at the end of the file: FastCSV counts the lines before it
      p = next;
      if (scanner.lineEnd() && start + p - 1 >= lookFrom) {
        break;
      }
    }
    return new Chunk(start + p, new CsvChunkParser.Done(records, lines, lastLine, records));
  }

  /** Reads up to {@code len} bytes at {@code at} into {@code b[off..]}; returns how many. */
  private static int read(FileChannel channel, long at, byte[] b, int off, int len)
      throws IOException {
    int n = 0;
    while (n < len) {
      int r = channel.read(ByteBuffer.wrap(b, off + n, len - n), at + n);
      if (r <= 0) {
        break; // the file is shorter than it was: the full path says so
      }
      n += r;
    }
    return n;
  }

  /** One chunk's state: a buffer for values with doubled quotes, and the hash. */
  private final class Run {
    private byte[] value = new byte[256];
    private java.security.MessageDigest digest;
    private Mac mac;

    /** Writes one record's JSON line; false if its bytes do not decode or a field is too long. */
    boolean record(byte[] in, CsvRecordScanner fields, ChunkBytes out) {
      long length = 0;
      for (int c = 0; c < width; c++) {
        int len = fields.end(c) - fields.start(c);
        length += len;
        if (len > settings.maxFieldSize()
            || (kind[c] != PLAIN && !JsonBytes.valid(in, fields.start(c), fields.end(c), ascii))) {
          return false;
        }
      }
      if (length > settings.maxRecordSize()) {
        return false;
      }
      out.room((int) (length * JsonBytes.MAX_PER_BYTE + keyBytes + 80L * keys.length + 8));
      byte[] o = out.array();
      int p = out.size();
      for (int j = 0; j < keys.length; j++) {
        byte[] key = keys[j];
        System.arraycopy(key, 0, o, p, key.length);
        p += key.length;
        o[p++] = '"';
        int c = outAt[j];
        byte[] v = in;
        int from = fields.start(c);
        int to = fields.end(c);
        if (fields.doubled(c)) {
          if (value.length < to - from) {
            value = new byte[Math.max(to - from, 2 * value.length)];
          }
          v = value;
          to = fields.unquote(in, c, value, 0);
          from = 0;
        }
        p =
            switch (kind[c]) {
              case MASK -> mask(v, from, to, o, p);
              case HASH -> hash(v, from, to, o, p);
              default -> JsonBytes.escape(v, from, to, o, p, ascii);
            };
        if (p < 0) {
          return false;
        }
        o[p++] = '"';
      }
      o[p++] = '}';
      o[p++] = '\n';
      out.advance(p);
      return true;
    }

    /** {@link Masking#mask} on checked bytes, escaped into {@code o} at {@code p}. */
    private int mask(byte[] v, int from, int to, byte[] o, int p) {
      if (from == to) {
        return p;
      }
      int at = to - 1;
      while (at >= from && v[at] != '@') {
        at--;
      }
      if (at > from) {
        p = JsonBytes.escape(v, from, from + JsonBytes.charLength(v[from]), o, p, ascii);
      }
      System.arraycopy(STARS, 0, o, p, STARS.length);
      p += STARS.length;
      return at < from ? p : JsonBytes.escape(v, at, to, o, p, ascii);
    }

    /** {@link Masking#sha256} or {@link Masking#hmacSha256} of checked bytes, in hex. */
    private int hash(byte[] v, int from, int to, byte[] o, int p) {
      byte[] sum;
      try {
        if (hashKey == null) {
          if (digest == null) {
            digest = java.security.MessageDigest.getInstance("SHA-256");
          }
          digest.update(v, from, to - from);
          sum = digest.digest();
        } else {
          if (mac == null) {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
          }
          mac.update(v, from, to - from);
          sum = mac.doFinal();
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JDK has no SHA-256", e);
      }
      for (byte b : sum) {
        o[p++] = HEX[(b >> 4) & 0xF];
        o[p++] = HEX[b & 0xF];
      }
      return p;
    }
  }
}
