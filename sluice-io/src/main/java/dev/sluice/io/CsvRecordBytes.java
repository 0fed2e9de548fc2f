package dev.sluice.io;

import dev.sluice.io.internal.CsvRecordScanner;
import dev.sluice.io.internal.JsonBytes;
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
 * <p>The position after {@code n} records is {@code n} and the file's {@link FileFingerprint},
 * taken when this reader was made: the form {@link RowFile#after} resumes from by reading the file
 * from its start and skipping {@code n} records (so a resume reparses the records before it). At
 * most one buffer of 1 MiB (or the longest record, up to {@code maxRecordSize}) is held. One run;
 * not thread-safe.
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

  /** The {@link RowFile} position after the first {@code records} records. */
  public String position(long records) {
    return records + " " + fingerprint;
  }

  /**
   * Hands each clean record after the header to {@code each}, in order, until the end of the file
   * (as long as it was when the read started) or the first record that is not clean or that {@code
   * each} declines. What {@code each} throws ends the read and passes untouched.
   */
  public Read read(Records each) throws Exception {
    CsvRecordScanner scanner =
        new CsvRecordScanner(width, settings.fieldSeparator(), settings.quoteCharacter());
    int maxRecord = Math.min(settings.maxRecordSize(), Integer.MAX_VALUE - 16);
    int maxField = settings.maxFieldSize();
    boolean ascii = ascii();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      long at = headerEnd;
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
        if (!each.accept(b, p, to, fields)) {
          return new Read(records, false);
        }
        records++;
        p = next;
      }
    }
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
