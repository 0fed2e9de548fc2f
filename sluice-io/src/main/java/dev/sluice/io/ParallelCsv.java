package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.Row;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Converts a CSV file to JSON Lines or CSV on several threads: the file is cut into chunks at
 * record boundaries guessed at line ends and checked against the quote state, each chunk is parsed,
 * passed through the {@link RowRules} and encoded on a virtual thread of its own ({@link
 * dev.sluice.Pipe#mapConcurrent ordered}), and the chunks are written in file order. The output is
 * byte for byte what the one-thread pipeline ({@link Csv#rows}, {@link RowRules#stage}, {@link
 * Csv#rowEncoder} or {@link JsonLines#rowEncoder}) writes, and bad input fails with the same {@link
 * BadInputException}, naming the same line (or goes to the {@link #skippingBadRecords bad-record
 * handler} with it). A guess that falls inside a quoted field is found out before its chunk is
 * written and that chunk is parsed again from the true boundary; see ADR 0103.
 *
 * <p>A file that cannot be cut (gzip, a charset other than UTF-8, US-ASCII or ISO-8859-1, a header
 * not ended by an LF in its first chunk, one thread) is converted by the one-thread pipeline, with
 * the same result. Memory: about {@code 2 × threads} chunks in flight, each holding its encoded
 * bytes. The file is read as far as it was long when the run started. {@link Conversion} runs it
 * into a resumable output too.
 *
 * <p>Immutable and thread-safe; each {@code to…} call is one run, which reads the file anew.
 *
 * <pre>{@code
 * long rows = ParallelCsv.file(Path.of("users.csv"), CsvSettings.defaults())
 *     .withRules(RowRules.none().mask("email"))
 *     .toJsonLines(Output.file(Path.of("users.jsonl")));
 * }</pre>
 */
public final class ParallelCsv {
  /** The default chunk size in bytes. */
  public static final int DEFAULT_CHUNK_SIZE = 1 << 20;

  private final Path file;
  private final CsvSettings settings;
  private RowRules rules = RowRules.none();
  private int threads = Runtime.getRuntime().availableProcessors();
  private int chunkSize = DEFAULT_CHUNK_SIZE;
  private CheckedConsumer<? super List<String>> onHeader = names -> {};
  private AtomicLong bytesRead = new AtomicLong();
  private AtomicLong rowsWritten = new AtomicLong();
  private CheckedConsumer<? super BadInputException> badRecord;
  private long limit = -1;

  private ParallelCsv(Path file, CsvSettings settings) {
    this.file = file;
    this.settings = settings;
  }

  private ParallelCsv copy() {
    ParallelCsv c = new ParallelCsv(file, settings);
    c.rules = rules;
    c.threads = threads;
    c.chunkSize = chunkSize;
    c.onHeader = onHeader;
    c.bytesRead = bytesRead;
    c.rowsWritten = rowsWritten;
    c.badRecord = badRecord;
    c.limit = limit;
    return c;
  }

  /**
   * The CSV file at {@code file} read as {@code settings} say, with no rules, one thread per
   * processor and {@link #DEFAULT_CHUNK_SIZE}.
   */
  public static ParallelCsv file(Path file, CsvSettings settings) {
    return new ParallelCsv(
        Objects.requireNonNull(file, "file"), Objects.requireNonNull(settings, "settings"));
  }

  /** This conversion applying {@code rules} (with strict columns: the header names them all). */
  public ParallelCsv withRules(RowRules rules) {
    ParallelCsv c = copy();
    c.rules = Objects.requireNonNull(rules, "rules").withStrictColumns(true);
    return c;
  }

  /** This conversion on at most {@code threads} threads at once (&gt; 0; 1 is one thread). */
  public ParallelCsv withThreads(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0, was " + threads);
    }
    ParallelCsv c = copy();
    c.threads = threads;
    return c;
  }

  /** This conversion cutting the file every {@code bytes} bytes or so (&gt; 0). */
  public ParallelCsv withChunkSize(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("chunkSize must be > 0, was " + bytes);
    }
    ParallelCsv c = copy();
    c.chunkSize = bytes;
    return c;
  }

  /**
   * This conversion writing at most {@code rows} rows (&gt;= 0, after the rules); the run stops
   * reading in the chunk where the limit is reached.
   */
  public ParallelCsv withLimit(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + rows);
    }
    ParallelCsv c = copy();
    c.limit = rows;
    return c;
  }

  /**
   * This conversion handing the records of the wrong width to {@code badRecord}, in file order and
   * with their lines, and going on (as {@link Csv#rows(Input, CsvSettings, CheckedConsumer,
   * CheckedConsumer)} does); a failure of {@code badRecord} fails the run. A chunk with such a
   * record is parsed a second time, on the writing thread.
   */
  public ParallelCsv skippingBadRecords(CheckedConsumer<? super BadInputException> badRecord) {
    ParallelCsv c = copy();
    c.badRecord = Objects.requireNonNull(badRecord, "badRecord");
    return c;
  }

  /**
   * This conversion handing the column names to {@code header} before any row is written, also for
   * a header-only file (not for an empty one); a failure of {@code header} fails the run.
   */
  public ParallelCsv onHeader(CheckedConsumer<? super List<String>> header) {
    ParallelCsv c = copy();
    c.onHeader = Objects.requireNonNull(header, "header");
    return c;
  }

  /**
   * This conversion adding the bytes of the file and the rows to the two counters as chunks are
   * written (for progress reports); at the end of a run that read the whole file, the bytes added
   * are the file's size.
   */
  public ParallelCsv counting(AtomicLong bytesRead, AtomicLong rowsWritten) {
    ParallelCsv c = copy();
    c.bytesRead = Objects.requireNonNull(bytesRead, "bytesRead");
    c.rowsWritten = Objects.requireNonNull(rowsWritten, "rowsWritten");
    return c;
  }

  /** Converts the file to JSON Lines in {@code out}; returns the rows written. */
  public long toJsonLines(Output out) throws IOException {
    return run(out, null);
  }

  /** Converts the file to CSV in {@code out} written as {@code csv} says; returns the rows. */
  public long toCsv(Output out, CsvWriteSettings csv) throws IOException {
    return run(out, Objects.requireNonNull(csv, "csv"));
  }

  /** The end of the header if the file can be cut in chunks on several threads, else -1. */
  long headerEnd() throws IOException {
    return threads > 1 && CsvHead.splittable(file, settings)
        ? CsvHead.headerEnd(file, settings, chunkSize)
        : -1;
  }

  private long run(Output out, CsvWriteSettings csv) throws IOException {
    Objects.requireNonNull(out, "out");
    long headerEnd = headerEnd();
    if (headerEnd < 0) {
      return oneThread(out, csv);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      CsvChunkRun run =
          new CsvChunkRun(
              channel, file, settings, rules, headerEnd, chunkSize, csv, badRecord, limit);
      return run.into(out, threads, onHeader, bytesRead, rowsWritten);
    }
  }

  /**
   * Converts the file (one that {@link #headerEnd} can cut) through {@code write}'s part file to
   * JSON Lines, or to CSV when {@code csv} is not null, committing at the end of the first chunk
   * after every {@code commitRecords} records and continuing after {@code saved} if not null (see
   * {@link CsvChunkRun}); returns the rows in the finished file. No limit, no bad-record handler.
   */
  long toResumable(
      ResumableWrite write, PartFile.Saved saved, CsvWriteSettings csv, int commitRecords)
      throws Exception {
    long headerEnd = headerEnd();
    if (headerEnd < 0 || limit >= 0 || badRecord != null) {
      throw new IllegalStateException("not a file to cut in resumable chunks: " + this);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      CsvChunkRun run =
          new CsvChunkRun(channel, file, settings, rules, headerEnd, chunkSize, csv, null, -1);
      run.readHeader(onHeader);
      return write.writeBytes(
          (after, out) -> run.into(out, after, threads, commitRecords, bytesRead, rowsWritten),
          saved,
          run.outputHeader());
    }
  }

  /** The pipeline of {@link Csv#rows}, the rules and a row encoder, on one thread. */
  private long oneThread(Output out, CsvWriteSettings csv) {
    AtomicReference<List<String>> header = new AtomicReference<>();
    Input input = Input.file(file).counting(bytesRead);
    AtomicLong rows = rowsWritten;
    Pipe<Row> ruled =
        Csv.rows(
                input,
                settings,
                names -> {
                  header.set(rules.outputNames(names));
                  onHeader.accept(names);
                },
                badRecord)
            .via(rules.stage(file.toString()));
    return (limit >= 0 ? ruled.take(limit) : ruled)
        .peek(row -> rows.lazySet(rows.get() + 1)) // one writer: no read-modify-write
        .into(
            out.sink(
                os ->
                    csv == null ? JsonLines.rowEncoder(os) : Csv.rowEncoder(os, csv, header::get)));
  }

  @Override
  public String toString() {
    return "ParallelCsv[file="
        + file
        + ", settings="
        + settings
        + ", rules="
        + rules
        + ", threads="
        + threads
        + ", chunkSize="
        + chunkSize
        + ", limit="
        + limit
        + ", skipsBadRecords="
        + (badRecord != null)
        + "]";
  }
}
