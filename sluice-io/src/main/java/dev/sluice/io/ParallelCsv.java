package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.internal.CsvBoundaries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

  private static final Set<Charset> ASCII_COMPATIBLE =
      Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

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
    long headerEnd = threads > 1 && splittable() ? headerEnd() : -1;
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

  /** Whether the file's bytes can be cut at LF bytes: a plain file in an ASCII-based charset. */
  private boolean splittable() throws IOException {
    if (!Files.isRegularFile(file)
        || !ASCII_COMPATIBLE.contains(settings.charset())
        || settings.fieldSeparator() > 0x7F
        || settings.quoteCharacter() > 0x7F) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return !(in.read() == 0x1F && in.read() == 0x8B); // gzip
    }
  }

  /**
   * The end of the header record (after its LF) if it is the first line's one record and ends in
   * the first chunk; else -1. An empty first line or a lone CR goes the one-thread way.
   */
  private long headerEnd() throws IOException {
    byte[] head = new byte[(int) Math.min(Files.size(file), Math.max(chunkSize, 1 << 16))];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int n = 0;
      while (n < head.length) {
        int r = channel.read(ByteBuffer.wrap(head, n, head.length - n), n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      int from =
          n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF
              ? 3
              : 0;
      if (from >= n || head[from] == '\r' || head[from] == '\n') {
        return -1;
      }
      int end =
          new CsvBoundaries(settings.fieldSeparator(), settings.quoteCharacter())
              .scan(head, from, n, from);
      for (int i = from; i < end - 1; i++) {
        if (head[i] == '\r' && head[i + 1] != '\n') {
          return -1;
        }
      }
      return end;
    }
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
