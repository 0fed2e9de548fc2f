package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.CheckedSupplier;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.Stage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * A conversion of records between CSV and JSON Lines through {@link RowRules}: the library entry
 * point behind {@code sluice convert}, which chooses the way to run it so that callers only say
 * what they want.
 *
 * <ul>
 *   <li>{@link #run}: a CSV file (an {@link Input#file}) goes through {@link ParallelCsv}, on every
 *       core, also with a {@link #withLimit limit} and {@link #skippingBadRecords bad records}
 *       skipped; any other input (stdin, JSON Lines, gzip) is parsed on a thread of its own and
 *       handed over in chunks of {@value #HAND_OFF} rows, at most {@value #HAND_OFF_CHUNKS} ahead,
 *       to the rules and the writer on the caller's thread.
 *   <li>{@link #runResumable}: the output is written through its {@link PartFile} and committed
 *       about every {@link #withCheckpointRows checkpoint rows}, so a crashed run ({@code kill -9})
 *       given its {@link PartFile.Saved} state continues where the last commit ended and the
 *       finished file is byte for byte that of an uninterrupted run of the same {@link #job}. A CSV
 *       file that {@link ParallelCsv} can cut is converted on every core and committed at the ends
 *       of its chunks; other inputs are a {@link RowFile} committed every {@code checkpointRows}
 *       rows (a gzip input is read from the start on resume; see {@link RowFile}).
 * </ul>
 *
 * <p>Either way the bytes written are those of the one-thread pipeline ({@link Csv#rows} or {@link
 * JsonLines#rows}, {@link RowRules#stage}, {@link Csv#rowEncoder} or {@link JsonLines#rowEncoder});
 * a CSV output of a header-only input is its header. A CSV input's header goes to {@link #onHeader}
 * before any row (a check that fails there fails the run with nothing written), then is checked
 * against the rules ({@link RowRules#check}). Bad input fails with a {@link BadInputException}
 * naming the line, unless it is a record a {@link #skippingBadRecords bad-record handler} takes.
 * Immutable and thread-safe; each run reads its input anew.
 *
 * <pre>{@code
 * long rows = Conversion.of(FileFormat.CSV, FileFormat.JSON_LINES)
 *     .withRules(RowRules.none().mask("email"))
 *     .run(Input.file(Path.of("users.csv")), Output.file(Path.of("users.jsonl")));
 * }</pre>
 */
public final class Conversion {
  /** Rows per hand-off chunk between the reading thread and the caller's. */
  public static final int HAND_OFF = 256;

  /** Hand-off chunks the reading thread may be ahead. */
  public static final int HAND_OFF_CHUNKS = 4;

  /**
   * How a caller watches a run: a pipe to meter, or work that is not one pipe (chunks on several
   * threads) to report on meanwhile, from the {@link #counting counters}.
   */
  public interface Metering {
    /** {@code pipe} metered (returned unchanged when nothing is watched). */
    <T> Pipe<T> on(Pipe<T> pipe);

    /** Runs {@code work}, reporting on it meanwhile. */
    <T> T around(CheckedSupplier<T> work) throws Exception;
  }

  private static final Metering UNWATCHED =
      new Metering() {
        @Override
        public <T> Pipe<T> on(Pipe<T> pipe) {
          return pipe;
        }

        @Override
        public <T> T around(CheckedSupplier<T> work) throws Exception {
          return work.get();
        }
      };

  private final FileFormat from;
  private final FileFormat to;
  private CsvSettings csvIn = CsvSettings.defaults();
  private JsonSettings jsonIn = JsonSettings.defaults();
  private CsvWriteSettings csvOut = CsvWriteSettings.defaults();
  private RowRules rules = RowRules.none();
  private long limit = -1;
  private CheckedConsumer<? super BadInputException> badRecord;
  private CheckedConsumer<? super List<String>> onHeader = names -> {};
  private AtomicLong bytesRead = new AtomicLong();
  private AtomicLong rows = new AtomicLong();
  private Metering metering = UNWATCHED;
  private LongConsumer onCommit = rows -> {};
  private int checkpointRows = 20_000;
  private int threads = Runtime.getRuntime().availableProcessors();
  private int chunkSize; // 0: the default of the way it runs

  private Conversion(FileFormat from, FileFormat to) {
    this.from = from;
    this.to = to;
  }

  private Conversion copy() {
    Conversion c = new Conversion(from, to);
    c.csvIn = csvIn;
    c.jsonIn = jsonIn;
    c.csvOut = csvOut;
    c.rules = rules;
    c.limit = limit;
    c.badRecord = badRecord;
    c.onHeader = onHeader;
    c.bytesRead = bytesRead;
    c.rows = rows;
    c.metering = metering;
    c.onCommit = onCommit;
    c.checkpointRows = checkpointRows;
    c.threads = threads;
    c.chunkSize = chunkSize;
    return c;
  }

  /** A conversion from {@code from} to {@code to} with default settings and no rules. */
  public static Conversion of(FileFormat from, FileFormat to) {
    return new Conversion(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
  }

  /** This conversion reading CSV as {@code settings} say. */
  public Conversion withCsvInput(CsvSettings settings) {
    Conversion c = copy();
    c.csvIn = Objects.requireNonNull(settings, "settings");
    return c;
  }

  /** This conversion reading JSON Lines as {@code settings} say. */
  public Conversion withJsonInput(JsonSettings settings) {
    Conversion c = copy();
    c.jsonIn = Objects.requireNonNull(settings, "settings");
    return c;
  }

  /** This conversion writing CSV as {@code settings} say. */
  public Conversion withCsvOutput(CsvWriteSettings settings) {
    Conversion c = copy();
    c.csvOut = Objects.requireNonNull(settings, "settings");
    return c;
  }

  /** This conversion applying {@code rules} (with strict columns for CSV input). */
  public Conversion withRules(RowRules rules) {
    Conversion c = copy();
    c.rules = Objects.requireNonNull(rules, "rules").withStrictColumns(from == FileFormat.CSV);
    return c;
  }

  /**
   * This conversion writing at most {@code rows} rows (&gt;= 0; not with {@link #runResumable}).
   */
  public Conversion withLimit(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + rows);
    }
    Conversion c = copy();
    c.limit = rows;
    return c;
  }

  /**
   * This conversion handing the records that cannot be read (a CSV record of the wrong width, a
   * JSON line that is not an object) to {@code badRecord}, in input order, and going on; a failure
   * of {@code badRecord} fails the run. Not with {@link #runResumable}.
   */
  public Conversion skippingBadRecords(CheckedConsumer<? super BadInputException> badRecord) {
    Conversion c = copy();
    c.badRecord = Objects.requireNonNull(badRecord, "badRecord");
    return c;
  }

  /** This conversion handing a CSV input's column names to {@code header} before any row. */
  public Conversion onHeader(CheckedConsumer<? super List<String>> header) {
    Conversion c = copy();
    c.onHeader = Objects.requireNonNull(header, "header");
    return c;
  }

  /**
   * This conversion adding the input bytes read and the rows written to the two counters as it goes
   * (a resumed run counts the committed rows and bytes too): for progress reports, and a check that
   * the input did not shrink while it was read.
   */
  public Conversion counting(AtomicLong bytesRead, AtomicLong rows) {
    Conversion c = copy();
    c.bytesRead = Objects.requireNonNull(bytesRead, "bytesRead");
    c.rows = Objects.requireNonNull(rows, "rows");
    return c;
  }

  /** This conversion watched by {@code metering}. */
  public Conversion metered(Metering metering) {
    Conversion c = copy();
    c.metering = Objects.requireNonNull(metering, "metering");
    return c;
  }

  /**
   * This conversion calling {@code committed} with the rows of each commit of a {@link
   * #runResumable resumable run} once they are on disk; what it throws fails the run (the commit
   * stays).
   */
  public Conversion onCommit(LongConsumer committed) {
    Conversion c = copy();
    c.onCommit = Objects.requireNonNull(committed, "committed");
    return c;
  }

  /** This conversion committing a resumable output about every {@code rows} rows (&gt; 0). */
  public Conversion withCheckpointRows(int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("checkpointRows must be > 0, was " + rows);
    }
    Conversion c = copy();
    c.checkpointRows = rows;
    return c;
  }

  /** This conversion on at most {@code threads} threads (&gt; 0; 1 parses on one thread). */
  public Conversion withThreads(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0, was " + threads);
    }
    Conversion c = copy();
    c.threads = threads;
    return c;
  }

  /**
   * This conversion cutting a CSV file in chunks of about {@code bytes} bytes (&gt; 0). By default
   * {@link ParallelCsv#DEFAULT_CHUNK_SIZE}, and for {@link #runResumable} 64 bytes per checkpoint
   * row, at least 64 KiB and at most the default, so that a commit comes after about that many rows
   * of 64 bytes or less.
   */
  public Conversion withChunkSize(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("chunkSize must be > 0, was " + bytes);
    }
    Conversion c = copy();
    c.chunkSize = bytes;
    return c;
  }

  /** Converts {@code in} to {@code out}; returns the rows written. */
  public long run(Input in, Output out) throws Exception {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    if (from == FileFormat.CSV && in.path() != null) {
      ParallelCsv csv =
          parallel(in.path(), chunkSize > 0 ? chunkSize : ParallelCsv.DEFAULT_CHUNK_SIZE);
      CheckedSupplier<Long> work =
          () -> to == FileFormat.CSV ? csv.toCsv(out, csvOut) : csv.toJsonLines(out);
      return metering.around(work);
    }
    AtomicReference<List<String>> header = new AtomicReference<>();
    Pipe<Row> read = handOff(read(in.counting(bytesRead), header));
    Pipe<Row> ruled = rules.isEmpty() ? read : read.via(rules.stage(in.name()));
    AtomicLong written = rows;
    return metering
        .on(limit >= 0 ? ruled.take(limit) : ruled)
        .peek(row -> written.lazySet(written.get() + 1)) // one writer: no read-modify-write
        .into(out.sink(os -> encoder(os, header, null)));
  }

  private ParallelCsv parallel(Path file, int chunk) {
    ParallelCsv csv =
        ParallelCsv.file(file, csvIn)
            .withRules(rules)
            .withThreads(threads)
            .withChunkSize(chunk)
            .onHeader(this::header)
            .counting(bytesRead, rows);
    csv = limit >= 0 ? csv.withLimit(limit) : csv;
    return badRecord == null ? csv : csv.skippingBadRecords(badRecord);
  }

  private int resumableChunk() {
    return chunkSize > 0
        ? chunkSize
        : Math.clamp(checkpointRows * 64L, 1 << 16, ParallelCsv.DEFAULT_CHUNK_SIZE);
  }

  private List<String> header(List<String> names) throws Exception {
    onHeader.accept(names);
    rules.check(names);
    return names;
  }

  /**
   * What a resumed run must share with the run it continues, as one line: the formats, the input's
   * path, the rules, every setting and the way it runs. The input's content is not in it: the
   * positions in the saved state check that (see {@link RowFile}).
   */
  public String job(Path input) {
    String text =
        String.join(
            " ",
            "convert",
            from + "->" + to,
            "input=" + input.toAbsolutePath(),
            rules.toString(),
            "checkpoint-rows=" + checkpointRows,
            "csv=" + csvOut,
            "read=" + (from == FileFormat.CSV ? csvIn : jsonIn),
            "positions=byte-offsets",
            "way=" + (cutsInChunks(input) ? "chunks of " + resumableChunk() + " bytes" : "rows"));
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  private boolean cutsInChunks(Path input) {
    try {
      return from == FileFormat.CSV && parallel(input, resumableChunk()).headerEnd() >= 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Converts the file {@code input} into {@code output} through its part file, continuing after
   * {@code saved} (a fresh run if null; see {@link PartFile#load}), and completes it; returns the
   * rows in the finished file. A saved state of another {@link #job}, or of an input that changed
   * in what the interrupted run read, is refused with a {@link dev.sluice.ResumeRefusedException}.
   */
  public long runResumable(Path input, Path output, PartFile.Saved saved) throws Exception {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    if (limit >= 0 || badRecord != null) {
      throw new IllegalStateException("a resumable conversion takes no limit and no bad records");
    }
    String job = job(input);
    rows.set(saved == null ? 0 : saved.rows());
    if (cutsInChunks(input)) {
      ResumableWrite write = ResumableWrite.of(output, job).onChunk(onCommit);
      return metering.around(
          () ->
              parallel(input, resumableChunk())
                  .toResumable(write, saved, to == FileFormat.CSV ? csvOut : null, checkpointRows));
    }
    RowFile file =
        (from == FileFormat.CSV ? RowFile.csv(input, csvIn) : RowFile.jsonLines(input, jsonIn))
            .counting(bytesRead);
    AtomicReference<List<String>> header = new AtomicReference<>();
    if (from == FileFormat.CSV) {
      List<String> first = header(file.firstColumns());
      header.set(saved == null || saved.position().isEmpty() ? first : null);
    }
    Stage<Row, Row> stage = rules.isEmpty() ? null : rules.stage(input.toString());
    Resumable<Row> source =
        after -> {
          Pipe<Positioned<Row>> read = handOff(file.after(after));
          return metering.on(stage == null ? read : read.via(Positioned.lift(stage)));
        };
    return ResumableWrite.of(output, job)
        .chunk(checkpointRows)
        .onChunk(
            n -> {
              rows.addAndGet(n);
              onCommit.accept(n);
            })
        .write(
            source,
            saved,
            (os, resumed) ->
                encoder(
                    os, header, resumed && to == FileFormat.CSV ? writtenHeader(output) : null));
  }

  private Pipe<Row> read(Input in, AtomicReference<List<String>> header) {
    return from == FileFormat.CSV
        ? Csv.rows(in, csvIn, names -> header.set(header(names)), badRecord)
        : JsonLines.rows(in, jsonIn, badRecord);
  }

  /**
   * Parses on a thread of its own and hands the rows over in chunks; the rules and the writer run
   * on the caller's thread. Measured on two cores, parsing is the heavier side, so everything that
   * can run after the hand-off does.
   */
  private static <T> Pipe<T> handOff(Pipe<T> parsed) {
    return parsed.batch(HAND_OFF).buffer(HAND_OFF_CHUNKS).flatMap(Pipe::from);
  }

  /**
   * The writer over {@code os}. CSV: the header of the first row, or the {@code written} header of
   * a resumed file; when no row came, the header of a header-only input.
   */
  private Encoder<Row> encoder(
      OutputStream os, AtomicReference<List<String>> header, List<String> written)
      throws IOException {
    if (to == FileFormat.JSON_LINES) {
      return JsonLines.rowEncoder(os);
    }
    if (written != null) {
      return Csv.rowEncoder(os, csvOut, written, false);
    }
    return Csv.rowEncoder(
        os, csvOut, () -> header.get() == null ? null : rules.outputNames(header.get()));
  }

  /** The CSV header a resumed output already holds: the first record of its part file. */
  private static List<String> writtenHeader(Path output) {
    return RowFile.csv(PartFile.part(output), CsvSettings.defaults()).firstColumns();
  }

  @Override
  public String toString() {
    return "Conversion[from="
        + from
        + ", to="
        + to
        + ", csvIn="
        + csvIn
        + ", jsonIn="
        + jsonIn
        + ", csvOut="
        + csvOut
        + ", rules="
        + rules
        + ", limit="
        + limit
        + ", skipsBadRecords="
        + (badRecord != null)
        + ", checkpointRows="
        + checkpointRows
        + ", threads="
        + threads
        + ", chunkSize="
        + chunkSize
        + "]";
  }
}
