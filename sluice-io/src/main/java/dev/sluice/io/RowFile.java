package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.ResumeRefusedException;
import dev.sluice.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The records of a CSV or JSON Lines file as a {@link Resumable} source of {@link Row}s (see {@link
 * Csv#rows} and {@link JsonLines#rows}), for jobs that checkpoint what they wrote and continue
 * after a crash: {@code import --resume}, {@code convert --resume}, or a library user's {@link
 * dev.sluice.Checkpoints#resume}.
 *
 * <p>A plain file is read by byte offsets: the position after a record is its number (from 1), a
 * record boundary at or before it (the start of the segment of about {@value #SEGMENT_BYTES} bytes
 * it was read in: a CSV record boundary is an LF outside quotes, so a quoted field's line breaks
 * never cut one), how many of the segment's records come before it, the line count there, and a
 * hash of every byte before that boundary (CRC-32C and CRC-32: a 64-bit check at 10+ GB/s, see
 * {@code PrefixHash}). Resuming after a position checks that the file is at least that long and
 * that its prefix hashes the same, refusing with a {@link ResumeRefusedException} that says what
 * differs otherwise (skipping records of another file would lose or repeat rows); it hashes the
 * prefix instead of parsing it, seeks to the boundary and parses at most one segment's records
 * before the position again. Line numbers in errors are those of a whole-file read. A file that
 * grew since (appended records) resumes.
 *
 * <p>A file that cannot be read from the middle, a gzip file (its bytes cannot be seeked into), a
 * CSV file in a charset that is not ASCII-based or whose header is not alone on its first LF-ended
 * line, is read from the start on resume: its position is the record number and the file's {@link
 * FileFingerprint} (size, modification time, hash of its head), checked before the records up to it
 * are read and skipped. Positions written by versions before byte offsets have that form and resume
 * the same way. Immutable; each run opens the file anew.
 *
 * <pre>{@code
 * RowFile file = RowFile.csv(Path.of("orders.csv"), CsvSettings.defaults());
 * Checkpoints.resume(file, checkpoint).into(sink);   // after a crash: the rows not yet committed
 * }</pre>
 */
public final class RowFile implements Resumable<Row> {
  /** The size of the segments a file is read in, so the most a resume parses again. */
  public static final int SEGMENT_BYTES = 1 << 20;

  private final Path path;
  private final CsvSettings csv;
  private final JsonSettings json;
  private final CheckedConsumer<? super BadInputException> badRecord;
  private final AtomicLong bytesRead;
  private final int segment;

  private RowFile(
      Path path,
      CsvSettings csv,
      JsonSettings json,
      CheckedConsumer<? super BadInputException> badRecord,
      AtomicLong bytesRead,
      int segment) {
    this.path = Objects.requireNonNull(path, "path");
    this.csv = csv;
    this.json = json;
    this.badRecord = badRecord;
    this.bytesRead = bytesRead;
    this.segment = segment;
  }

  /** The rows of the CSV file at {@code path}. */
  public static RowFile csv(Path path, CsvSettings settings) {
    return new RowFile(
        path, Objects.requireNonNull(settings, "settings"), null, null, null, SEGMENT_BYTES);
  }

  /** The objects of the JSON Lines file at {@code path} as rows. */
  public static RowFile jsonLines(Path path, JsonSettings settings) {
    return new RowFile(
        path, null, Objects.requireNonNull(settings, "settings"), null, null, SEGMENT_BYTES);
  }

  /**
   * This file with the records that cannot be read (see {@link Csv#rows(Input, CsvSettings,
   * CheckedConsumer, CheckedConsumer)} and {@link JsonLines#rows(Input, JsonSettings,
   * CheckedConsumer)}) handed to {@code badRecord} instead of failing the run. They are not rows,
   * so they take no record number; each run of the file skips the same ones.
   */
  public RowFile skippingBadRecords(CheckedConsumer<? super BadInputException> badRecord) {
    return new RowFile(
        path, csv, json, Objects.requireNonNull(badRecord, "badRecord"), bytesRead, segment);
  }

  /**
   * This file adding the raw bytes its runs read to {@code bytesRead} (a resumed run reads, or
   * hashes, the committed prefix again); for progress reports and a check that the file did not
   * shrink.
   */
  public RowFile counting(AtomicLong bytesRead) {
    return new RowFile(
        path, csv, json, badRecord, Objects.requireNonNull(bytesRead, "bytesRead"), segment);
  }

  /** This file read in segments of {@code bytes} bytes (&gt; 0): for tests of the boundaries. */
  RowFile withSegment(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("segment must be > 0, was " + bytes);
    }
    return new RowFile(path, csv, json, badRecord, bytesRead, bytes);
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** Every row of the file, without positions. */
  public Pipe<Row> rows() {
    Input file = Input.file(path);
    Input input = bytesRead == null ? file : file.counting(bytesRead);
    return csv != null
        ? Csv.rows(input, csv, names -> {}, badRecord)
        : JsonLines.rows(input, json, badRecord);
  }

  /**
   * The column names of the file's first record: the CSV header (also of a header-only file) or the
   * first object's keys; empty for an empty file. Reads only the start of the file.
   */
  public List<String> firstColumns() {
    Input input = Input.file(path);
    if (csv != null) {
      AtomicReference<List<String>> header = new AtomicReference<>(List.of());
      Csv.read(input, csv, names -> header.set(List.copyOf(names))).first();
      return header.get();
    }
    return JsonLines.rows(input, json).first().map(Row::names).orElse(List.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>A position of another file, or of this file before it changed, is refused with a {@link
   * ResumeRefusedException}: a record-number position when the pipe is built, a byte-offset one
   * when the run starts (after hashing the prefix).
   */
  @Override
  public Pipe<Positioned<Row>> after(Optional<String> position) {
    Objects.requireNonNull(position, "position");
    long headerEnd = byteOffsetsFrom();
    boolean recordNumber = position.isPresent() && FilePosition.isRecordNumber(position.get());
    if (headerEnd >= 0 && !recordNumber) {
      FilePosition from = position.map(p -> FilePosition.parse(p, path)).orElse(null);
      return Pipe.generate(
          new RowSegments(path, csv, json, headerEnd, segment, badRecord, bytesRead, from));
    }
    if (position.isPresent() && !recordNumber) {
      throw new ResumeRefusedException(
          "the interrupted run read "
              + path
              + " by byte offsets, which it can no longer be read by (it is gzip now, or its"
              + " header changed); start again without resuming, or restore the original file");
    }
    return afterRecordNumber(position);
  }

  /**
   * Where a read by byte offsets starts (after the CSV header, 0 for JSON Lines), or -1 when the
   * file cannot be read so.
   */
  private long byteOffsetsFrom() {
    try {
      if (csv != null) {
        return CsvHead.splittable(path, csv) ? CsvHead.headerEnd(path, csv, segment) : -1;
      }
      return java.nio.file.Files.isRegularFile(path) && !CsvHead.isGzip(path) ? 0 : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Pipe<Positioned<Row>> afterRecordNumber(Optional<String> position) {
    String fingerprint = fingerprint();
    long skip = position.map(p -> recordsIn(p, fingerprint)).orElse(0L);
    String suffix = " " + fingerprint;
    return rows()
        .zipWithIndex()
        .map(r -> new Positioned<>(r.item(), (r.index() + 1) + suffix))
        .drop(skip);
  }

  /** The number of records committed before {@code position}, a position of this source. */
  public static long records(String position) {
    int space = position.indexOf(' ');
    try {
      return Long.parseLong(space < 0 ? position : position.substring(0, space));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a position of a RowFile: " + position, e);
    }
  }

  private String fingerprint() {
    try {
      return FileFingerprint.of(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long recordsIn(String position, String fingerprint) {
    int space = position.indexOf(' ');
    String saved = space < 0 ? "(not recorded)" : position.substring(space + 1);
    if (!saved.equals(fingerprint)) {
      throw new ResumeRefusedException(
          path
              + " changed since the interrupted run started (it was "
              + saved
              + ", it is "
              + fingerprint
              + "); resuming would skip the wrong records. Start again without resuming, or"
              + " restore the original file");
    }
    return records(position);
  }

  @Override
  public String toString() {
    return "RowFile[" + path + ", " + (csv != null ? csv : json) + "]";
  }
}
