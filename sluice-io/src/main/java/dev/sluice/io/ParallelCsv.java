package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.Row;
import dev.sluice.Stage;
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
 * BadInputException}, naming the same line. A guess that falls inside a quoted field is found out
 * before its chunk is written and that chunk is parsed again from the true boundary; see ADR 0108.
 *
 * <p>A file that cannot be cut (gzip, a charset other than UTF-8, US-ASCII or ISO-8859-1, a header
 * not ended by an LF in its first chunk, one thread) is converted by the one-thread pipeline, with
 * the same result. Memory: about {@code 2 × threads} chunks in flight, each holding its encoded
 * bytes. The file is read as far as it was long when the run started.
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
  private final RowRules rules;
  private final int threads;
  private final int chunkSize;
  private final CheckedConsumer<? super List<String>> onHeader;
  private final AtomicLong bytesRead;
  private final AtomicLong rowsWritten;

  private ParallelCsv(
      Path file,
      CsvSettings settings,
      RowRules rules,
      int threads,
      int chunkSize,
      CheckedConsumer<? super List<String>> onHeader,
      AtomicLong bytesRead,
      AtomicLong rowsWritten) {
    this.file = file;
    this.settings = settings;
    this.rules = rules;
    this.threads = threads;
    this.chunkSize = chunkSize;
    this.onHeader = onHeader;
    this.bytesRead = bytesRead;
    this.rowsWritten = rowsWritten;
  }

  /**
   * The CSV file at {@code file} read as {@code settings} say, with no rules, one thread per
   * processor and {@link #DEFAULT_CHUNK_SIZE}.
   */
  public static ParallelCsv file(Path file, CsvSettings settings) {
    return new ParallelCsv(
        Objects.requireNonNull(file, "file"),
        Objects.requireNonNull(settings, "settings"),
        RowRules.none(),
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_CHUNK_SIZE,
        names -> {},
        new AtomicLong(),
        new AtomicLong());
  }

  /** This conversion applying {@code rules} (with strict columns: the header names them all). */
  public ParallelCsv withRules(RowRules rules) {
    return new ParallelCsv(
        file,
        settings,
        Objects.requireNonNull(rules, "rules").withStrictColumns(true),
        threads,
        chunkSize,
        onHeader,
        bytesRead,
        rowsWritten);
  }

  /** This conversion on at most {@code threads} threads at once (&gt; 0; 1 is one thread). */
  public ParallelCsv withThreads(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0, was " + threads);
    }
    return new ParallelCsv(
        file, settings, rules, threads, chunkSize, onHeader, bytesRead, rowsWritten);
  }

  /** This conversion cutting the file every {@code bytes} bytes or so (&gt; 0). */
  public ParallelCsv withChunkSize(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("chunkSize must be > 0, was " + bytes);
    }
    return new ParallelCsv(file, settings, rules, threads, bytes, onHeader, bytesRead, rowsWritten);
  }

  /**
   * This conversion handing the column names to {@code header} before any row is written, also for
   * a header-only file (not for an empty one); a failure of {@code header} fails the run.
   */
  public ParallelCsv onHeader(CheckedConsumer<? super List<String>> header) {
    return new ParallelCsv(
        file,
        settings,
        rules,
        threads,
        chunkSize,
        Objects.requireNonNull(header, "header"),
        bytesRead,
        rowsWritten);
  }

  /**
   * This conversion adding the bytes of the file and the rows to the two counters as chunks are
   * written (for progress reports); at the end of a run that read the whole file, the bytes added
   * are the file's size.
   */
  public ParallelCsv counting(AtomicLong bytesRead, AtomicLong rowsWritten) {
    return new ParallelCsv(
        file,
        settings,
        rules,
        threads,
        chunkSize,
        onHeader,
        Objects.requireNonNull(bytesRead, "bytesRead"),
        Objects.requireNonNull(rowsWritten, "rowsWritten"));
  }

  /** Converts the file to JSON Lines in {@code out}; returns the rows written. */
  public long toJsonLines(Output out) throws IOException {
    return run(out, null);
  }

  /** Converts the file to CSV in {@code out} written as {@code csv} says; returns the rows. */
  public long toCsv(Output out, CsvWriteSettings csv) throws IOException {
    return run(out, Objects.requireNonNull(csv, "csv"));
  }

  private long run(Output out, CsvWriteSettings csv) throws IOException {
    Objects.requireNonNull(out, "out");
    Stage<Row, Row> stage = rules.stage(file.toString());
    long headerEnd =
        threads > 1 && CsvHead.splittable(file, settings)
            ? CsvHead.headerEnd(file, settings, chunkSize)
            : -1;
    if (headerEnd < 0) {
      return oneThread(out, stage, csv);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      CsvChunkRun run =
          new CsvChunkRun(channel, file.toString(), settings, rules, headerEnd, chunkSize, csv);
      return run.into(out, threads, onHeader, bytesRead, rowsWritten);
    }
  }

  /** The pipeline of {@link Csv#rows}, the rules and a row encoder, on one thread. */
  private long oneThread(Output out, Stage<Row, Row> stage, CsvWriteSettings csv) {
    AtomicReference<List<String>> header = new AtomicReference<>();
    Input input = Input.file(file).counting(bytesRead);
    AtomicLong rows = rowsWritten;
    return Csv.rows(
            input,
            settings,
            names -> {
              header.set(rules.outputNames(names));
              onHeader.accept(names);
            })
        .via(stage)
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
        + "]";
  }
}
