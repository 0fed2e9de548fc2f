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
 * <p>The position after a record is its number (from 1) and the file's {@link FileFingerprint}.
 * Resuming after a position first checks that the file is still the same (size, modification time
 * and the hash of its head) and refuses with a {@link ResumeRefusedException} that says what
 * changed, since skipping n records of another file would lose or repeat rows; then it reads and
 * skips n records. Immutable; each run opens the file anew.
 *
 * <pre>{@code
 * RowFile file = RowFile.csv(Path.of("orders.csv"), CsvSettings.defaults());
 * Checkpoints.resume(file, checkpoint).into(sink);   // after a crash: the rows not yet committed
 * }</pre>
 */
public final class RowFile implements Resumable<Row> {
  private final Path path;
  private final CsvSettings csv;
  private final JsonSettings json;
  private final CheckedConsumer<? super BadInputException> badRecord;
  private final AtomicLong bytesRead;

  private RowFile(
      Path path,
      CsvSettings csv,
      JsonSettings json,
      CheckedConsumer<? super BadInputException> badRecord,
      AtomicLong bytesRead) {
    this.path = Objects.requireNonNull(path, "path");
    this.csv = csv;
    this.json = json;
    this.badRecord = badRecord;
    this.bytesRead = bytesRead;
  }

  /** The rows of the CSV file at {@code path}. */
  public static RowFile csv(Path path, CsvSettings settings) {
    return new RowFile(path, Objects.requireNonNull(settings, "settings"), null, null, null);
  }

  /** The objects of the JSON Lines file at {@code path} as rows. */
  public static RowFile jsonLines(Path path, JsonSettings settings) {
    return new RowFile(path, null, Objects.requireNonNull(settings, "settings"), null, null);
  }

  /**
   * This file with the records that cannot be read (see {@link Csv#rows(Input, CsvSettings,
   * CheckedConsumer, CheckedConsumer)} and {@link JsonLines#rows(Input, JsonSettings,
   * CheckedConsumer)}) handed to {@code badRecord} instead of failing the run. They are not rows,
   * so they take no record number; each run of the file skips the same ones.
   */
  public RowFile skippingBadRecords(CheckedConsumer<? super BadInputException> badRecord) {
    return new RowFile(path, csv, json, Objects.requireNonNull(badRecord, "badRecord"), bytesRead);
  }

  /**
   * This file adding the raw bytes its runs read to {@code bytesRead} (a resumed run reads the
   * committed prefix again); for progress reports and a check that the file did not shrink.
   */
  public RowFile counting(AtomicLong bytesRead) {
    return new RowFile(path, csv, json, badRecord, Objects.requireNonNull(bytesRead, "bytesRead"));
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

  @Override
  public Pipe<Positioned<Row>> after(Optional<String> position) {
    Objects.requireNonNull(position, "position");
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
