package dev.sluice.io;

import dev.sluice.io.internal.CsvRecordScanner;
import dev.sluice.io.internal.JsonBytes;
import dev.sluice.io.internal.PrefixHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The records of a CSV file as bytes, for a consumer that passes them on as they are (an import's
 * {@code COPY}), with the positions of {@link RowFile} for them: the common, clean case only, which
 * the consumer takes as far as it goes and leaves the rest to the {@link RowFile} of the same file
 * and settings. A file is read so if it is a plain (not gzip) UTF-8 or US-ASCII file whose header
 * is alone on its first line, with ASCII separator and quote, strict reading and two or more
 * columns; its records are read after the header as {@link CsvRecordScanner} finds them (RFC 4180,
 * LF or CRLF, empty lines skipped, as FastCSV reads them). Reading stops, unclean, at the first
 * record that is not the clean case, of another width, longer than {@code maxRecordSize} or with a
 * field longer than {@code maxFieldSize} bytes, or that the consumer declines: what the row path
 * then reads from the position of the records taken says what is wrong, in its words.
 *
 * <p>The position after the record being handed over, or after the last one taken, is a byte offset
 * of {@link RowFile}'s: the record boundary after it, the line breaks before it, the line its
 * record began on and the {@link PrefixHash} of every byte before it (hashed as the records pass),
 * so a resume by {@link RowFile#after} hashes the prefix, seeks there and parses nothing twice. Any
 * other count of records, or one followed by empty lines the hash has passed, gets the form {@code
 * n} and the file's {@link FileFingerprint} (taken when this reader was made), which a resume reads
 * the file from its start for, skipping {@code n} records. At most one buffer of 1 MiB (or the
 * longest record, up to {@code maxRecordSize}) is held. One run; not thread-safe.
 *
 * <pre>{@code
 * CsvRecordBytes.of(path, CsvSettings.defaults(), 5).ifPresent(bytes -> {
 *   CsvRecordBytes.Read read = bytes.read((b, from, to, fields) -> copy(b, from, to));
 *   String position = bytes.position(read.records());   // the row path goes on from here
 * });
 * }</pre>
 */
public final class CsvRecordBytes {
  /** Where the fields of a record are in its bytes. */
  public interface Fields {
    /** Where field {@code i}'s text starts (after an opening quote). */
    int start(int i);

    /** Where field {@code i}'s text ends (at a closing quote). */
    int end(int i);

    /** Whether field {@code i} holds doubled quotes, each of which stands for one. */
    boolean doubled(int i);

    /** Whether field {@code i}'s bytes decode in the file's charset. */
    boolean decodes(int i);

    /** The line breaks of the record (in quoted fields and at its end). */
    int lineBreaks();
  }

  /** Takes one clean record. */
  @FunctionalInterface
  public interface Records {
    /**
     * The record in {@code b[from..to)} (its line end left off), its fields found by {@code
     * fields}; false declines it, which ends the read unclean before it.
     */
    boolean accept(byte[] b, int from, int to, Fields fields) throws Exception;
  }

  /**
   * What a read took.
   *
   * @param records the records taken, from the first after the header
   * @param clean whether it took every record of the file
   */
  public record Read(long records, boolean clean) {}

  private static final int BUFFER = 1 << 20;

  private final Path path;
  private final CsvSettings settings;
  private final int width;
  private final long headerEnd;
  private final String fingerprint;

  private CsvRecordBytes(
      Path path, CsvSettings settings, int width, long headerEnd, String fingerprint) {
    this.path = path;
    this.settings = settings;
    this.width = width;
    this.headerEnd = headerEnd;
    this.fingerprint = fingerprint;
  }

  /**
   * The reader of the records of {@code width} fields of the CSV file {@code path} (as {@link
   * RowFile#csv} reads it with {@code settings}), or empty if it cannot be read on its bytes.
   */
  public static Optional<CsvRecordBytes> of(Path path, CsvSettings settings, int width)
      throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(settings, "settings");
    if (!CsvHead.onBytes(settings)
        || width < 2
        || width > settings.maxFields()
        || !Files.isRegularFile(path)
        || !CsvHead.splittable(path, settings)) {
      return Optional.empty();
    }
    long headerEnd = CsvHead.headerEnd(path, settings, RowFile.SEGMENT_BYTES);
    if (headerEnd < 0) {
      return Optional.empty();
    }
    String fingerprint = FileFingerprint.of(path).toString();
    return Optional.of(new CsvRecordBytes(path, settings, width, headerEnd, fingerprint));
  }

  /** Whether the file is US-ASCII (else UTF-8): a byte from 0x80 is then not clean. */
  public boolean ascii() {
    return settings.charset().equals(StandardCharsets.US_ASCII);
  }

  /** The field separator, an ASCII character. */
  public char separator() {
    return settings.fieldSeparator();
  }

  /** The quote character, an ASCII character. */
  public char quote() {
    return settings.quoteCharacter();
  }

  /** The hash of the bytes read, the offset it reaches (null before a read). */
  private PrefixHash hash;

  private long hashedTo = -1;

  /** After the last record taken: its count, the boundary after it, lines, its line. */
  private long done = -1;

  private long doneAt;
  private long doneLines;
  private long doneLine;

  /** The records before the read's start (those of the position it resumed after). */
  private long base;

  /** After the record being handed over: the same. */
  private long pending = -1;

  private long pendingAt;
  private long pendingLines;
  private long pendingLine;

  /**
   * The {@link RowFile} position after the first {@code records} records of the read (of the file,
   * unless it started after a position): by byte offset after the record being handed over or the
   * last one taken, else by record number.
   */
  public String position(long records) {
    long all = base + records;
    if (records == pending && hashedTo == pendingAt) {
      return new FilePosition(all, 0, pendingAt, pendingAt, pendingLines, pendingLine, hash.hex())
          .toString();
    }
    if (records == done && hashedTo == doneAt) {
      return new FilePosition(all, 0, doneAt, doneAt, doneLines, doneLine, hash.hex()).toString();
    }
    return all + " " + fingerprint;
  }

  /**
   * Hands each clean record after the header to {@code each}, in order, until the end of the file
   * (as long as it was when the read started) or the first record that is not clean or that {@code
   * each} declines. What {@code each} throws ends the read and passes untouched.
   */
  public Read read(Records each) throws Exception {
    return read(null, each);
  }

  /**
   * Whether {@link #read(String, Records)} can start after {@code position}: a position this reader
   * wrote at a record boundary (the row path's positions inside a segment cannot be).
   */
  public boolean startsAfter(String position) {
    Objects.requireNonNull(position, "position");
    if (FilePosition.isRecordNumber(position)) {
      return false;
    }
    try {
      FilePosition from = FilePosition.parse(position, path);
      return from.skip() == 0 && from.end() == from.offset() && from.offset() >= headerEnd;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * {@link #read(Records)} of the records after {@code position} (one {@link #startsAfter} takes):
   * the bytes before it are hashed first, and a file shorter than it or whose prefix hashes
   * otherwise is refused with a {@link dev.sluice.ResumeRefusedException}, as {@link RowFile}
   * refuses it. The records of the result and the counts {@link #position} takes are those after
   * it.
   */
  public Read read(String position, Records each) throws Exception {
    FilePosition from = null;
    if (position != null) {
      if (!startsAfter(position)) {
        throw new IllegalArgumentException("not a position this reader starts after: " + position);
      }
      from = FilePosition.parse(position, path);
    }
    CsvRecordScanner scanner =
        new CsvRecordScanner(width, settings.fieldSeparator(), settings.quoteCharacter());
    int maxRecord = Math.min(settings.maxRecordSize(), Integer.MAX_VALUE - 16);
    int maxField = settings.maxFieldSize();
    boolean ascii = ascii();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      long start = from == null ? headerEnd : from.offset();
      if (size < start) {
        throw FilePosition.shorter(path, size, start);
      }
      hash = new PrefixHash();
      hash.updateTo(channel, start);
      if (from != null && !hash.hex().equals(from.prefix())) {
        throw FilePosition.changed(path, start, hash.hex(), from.prefix());
      }
      base = from == null ? 0 : from.records();
      hashedTo = start;
      long lines = from == null ? headerLines(channel) : from.lines();
      done = 0;
      doneAt = start;
      doneLines = lines;
      doneLine = from == null ? 1 : from.lastLine();
      pending = -1;
      long at = start;
      byte[] b = new byte[(int) Math.min(BUFFER, Math.max(16, Math.min(maxRecord, size - at) + 8))];
      int length = 0;
      int p = 0;
      long records = 0;
      while (true) {
        boolean eof = at >= size;
        int next = p < length ? scanner.scan(b, p, length, eof) : CsvRecordScanner.MORE;
        if (next == CsvRecordScanner.MORE) {
          if (eof) {
            return new Read(records, p == length);
          }
          if (p > 0) {
            System.arraycopy(b, p, b, 0, length - p);
            length -= p;
            p = 0;
          }
          if (length == b.length) {
            if (b.length - 8 >= maxRecord) {
              return new Read(records, false); // a record at its limit: the row path says so
            }
            b = java.util.Arrays.copyOf(b, (int) Math.min((long) b.length * 2, maxRecord + 8L));
          }
          int n =
              channel.read(
                  ByteBuffer.wrap(b, length, (int) Math.min(b.length - length, size - at)), at);
          if (n < 0) {
            size = at; // the file became shorter: read what is there
          } else {
            length += n;
            at += n;
          }
          continue;
        }
        if (next == CsvRecordScanner.ODD) {
          return new Read(records, false);
        }
        if (scanner.empty()) {
          hash.update(b, p, next - p);
          hashedTo = at - length + next;
          lines += scanner.lineBreaks();
          p = next;
          continue;
        }
        int last = scanner.end(width - 1);
        int to = last < next && b[last] == settings.quoteCharacter() ? last + 1 : last;
        if (to - p > maxRecord || !fieldsFit(scanner, maxField)) {
          return new Read(records, false);
        }
        byte[] bytes = b;
        Fields fields =
            new Fields() {
              @Override
              public int start(int i) {
                return scanner.start(i);
              }

              @Override
              public int end(int i) {
                return scanner.end(i);
              }

              @Override
              public boolean doubled(int i) {
                return scanner.doubled(i);
              }

              @Override
              public boolean decodes(int i) {
                return JsonBytes.valid(bytes, scanner.start(i), scanner.end(i), ascii);
              }

              @Override
              public int lineBreaks() {
                return scanner.lineBreaks();
              }
            };
        hash.update(b, p, next - p);
        hashedTo = at - length + next;
        pending = records + 1;
        pendingAt = hashedTo;
        pendingLine = lines + 1;
        pendingLines = lines + scanner.lineBreaks();
        if (!each.accept(b, p, to, fields)) {
          return new Read(records, false);
        }
        records++;
        lines = pendingLines;
        done = pending;
        doneAt = pendingAt;
        doneLines = pendingLines;
        doneLine = pendingLine;
        p = next;
      }
    }
  }

  /** The line breaks in the header's bytes, counted as FastCSV counts them (CR, LF, CRLF). */
  private long headerLines(FileChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate((int) headerEnd);
    while (head.hasRemaining()) {
      if (channel.read(head, head.position()) < 0) {
        throw new IOException(path + " became shorter while it was read");
      }
    }
    byte[] h = head.array();
    long n = 0;
    for (int i = 0; i < h.length; i++) {
      if (h[i] == '\n' || (h[i] == '\r' && (i + 1 == h.length || h[i + 1] != '\n'))) {
        n++;
      }
    }
    return n;
  }

  private boolean fieldsFit(CsvRecordScanner fields, int maxField) {
    for (int i = 0; i < width; i++) {
      if (fields.end(i) - fields.start(i) >= maxField) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "CsvRecordBytes[" + path + ", " + settings + "]";
  }
}
