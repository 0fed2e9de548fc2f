package dev.sluice.cli;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.BadInputException;
import dev.sluice.io.BadRows;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.JsonSettings;
import dev.sluice.io.Output;
import dev.sluice.io.ParallelCsv;
import dev.sluice.io.PartFile;
import dev.sluice.io.ResumableWrite;
import dev.sluice.io.RowFile;
import dev.sluice.io.RowRules;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipelines of {@code convert}: a reader of {@link Row}s (CSV or JSON Lines), the {@link
 * RowRules} stage, and a row writer. A whole CSV file goes through {@link ParallelCsv}; otherwise
 * reading, decoding and parsing run on one thread, the rules, encoding and writing on the caller's.
 * Rows cross in chunks of {@value #CHUNK}, at most {@value #CHUNKS} chunks ahead. With {@code
 * --resume} the input is a {@link RowFile} and the output a {@link ResumableWrite} committed every
 * {@code checkpointRows} rows.
 */
final class Converter {
  static final int CHUNK = 256;
  static final int CHUNKS = 4;

  private final RowRules rules;
  private final long limit;
  private final CsvSettings csvIn;
  private final JsonSettings jsonIn;
  private final CsvWriteSettings csvOut;
  private final Counters counters;
  private BadRows badRows;
  private Progress progress = Progress.quiet(new Counters());

  Converter(
      RowRules rules,
      long limit,
      CsvSettings csvIn,
      JsonSettings jsonIn,
      CsvWriteSettings csvOut,
      Counters counters) {
    this.rules = rules;
    this.limit = limit;
    this.csvIn = csvIn;
    this.jsonIn = jsonIn;
    this.csvOut = csvOut;
    this.counters = counters;
  }

  /** Reports the rows written to {@code progress}. */
  Converter reporting(Progress progress) {
    this.progress = progress;
    return this;
  }

  /** Sends records that cannot be read to {@code bad} instead of failing the run. */
  Converter skippingBadRows(BadRows bad) {
    this.badRows = bad;
    return this;
  }

  /**
   * Converts {@code in} to {@code out} and returns the number of rows written; a whole CSV file on
   * every core ({@link ParallelCsv}).
   */
  long run(Input in, Format from, Output out, Format to) throws Exception {
    AtomicReference<List<String>> header = new AtomicReference<>();
    if (from == Format.CSV && in.path() != null && limit < 0 && badRows == null) {
      ParallelCsv csv =
          ParallelCsv.file(in.path(), csvIn)
              .withRules(rules)
              .onHeader(names -> RulesOptions.requireColumns(rules, names))
              .counting(counters.bytesRead, counters.rows);
      dev.sluice.CheckedSupplier<Long> work =
          () -> to == Format.CSV ? csv.toCsv(out, csvOut) : csv.toJsonLines(out);
      return progress.around(work);
    }
    Pipe<Row> rows = handOff(read(in.counting(counters.bytesRead), from, header));
    Pipe<Row> ruled = rules.isEmpty() ? rows : rows.via(stage(in, from));
    AtomicLong written = counters.rows;
    return progress
        .on(limit >= 0 ? ruled.take(limit) : ruled)
        .peek(row -> written.lazySet(written.get() + 1)) // one writer: no read-modify-write
        .into(out.sink(os -> encoder(os, to, header, null)));
  }

  /**
   * Converts {@code file} into {@code target} through its part file, continuing after {@code saved}
   * if not null, and completes it; returns the rows in the finished file.
   */
  long resume(
      RowFile file,
      Format from,
      Path target,
      Format to,
      String job,
      PartFile.Saved saved,
      int every)
      throws Exception {
    AtomicReference<List<String>> header = new AtomicReference<>();
    if (from == Format.CSV) {
      List<String> first = RulesOptions.requireColumns(rules, file.firstColumns());
      boolean fresh = saved == null || saved.position().isEmpty();
      header.set(fresh ? first : null); // for a header-only input's output
    }
    Stage<Row, Row> stage = rules.isEmpty() ? null : stage(Input.file(file.path()), from);
    Resumable<Row> rows =
        after -> {
          Pipe<Positioned<Row>> read = handOff(file.after(after));
          return progress.on(stage == null ? read : read.via(Positioned.lift(stage)));
        };
    counters.rows.set(saved == null ? 0 : saved.rows());
    return ResumableWrite.of(target, job)
        .chunk(every)
        .onChunk(counters.rows::addAndGet)
        .write(
            rows,
            saved,
            (os, resumed) ->
                encoder(
                    os, to, header, resumed && to == Format.CSV ? writtenHeader(target) : null));
  }

  private Pipe<Row> read(Input in, Format from, AtomicReference<List<String>> header) {
    CheckedConsumer<BadInputException> bad = badRows == null ? null : badRows::add;
    return from == Format.CSV
        ? Csv.rows(in, csvIn, names -> header.set(RulesOptions.requireColumns(rules, names)), bad)
        : JsonLines.rows(in, jsonIn, bad);
  }

  /** The rules for rows of {@code in}: strict columns for CSV, whose header names them all. */
  private Stage<Row, Row> stage(Input in, Format from) {
    return rules.withStrictColumns(from == Format.CSV).stage(in.name());
  }

  /**
   * Parses on a thread of its own and hands the rows over in chunks; the rules and the writer run
   * on the caller's thread. Measured on two cores, parsing is the heavier side, so everything that
   * can run after the hand-off does.
   */
  private static <T> Pipe<T> handOff(Pipe<T> parsed) {
    return parsed.batch(CHUNK).buffer(CHUNKS).flatMap(Pipe::from);
  }

  /**
   * The writer of {@code to} over {@code os}. CSV: the header of the first row, or the {@code
   * written} header of a resumed file; when no row came, the header of a header-only input.
   */
  private Encoder<Row> encoder(
      OutputStream os, Format to, AtomicReference<List<String>> header, List<String> written)
      throws java.io.IOException {
    if (to == Format.JSONL) {
      return JsonLines.rowEncoder(os);
    }
    if (written != null) {
      return Csv.rowEncoder(os, csvOut, written, false);
    }
    return Csv.rowEncoder(
        os, csvOut, () -> header.get() == null ? null : rules.outputNames(header.get()));
  }

  /** The CSV header a resumed output already holds: the first record of its part file. */
  private static List<String> writtenHeader(Path target) {
    return RowFile.csv(PartFile.part(target), CsvSettings.defaults()).firstColumns();
  }
}
