package dev.sluice.cli;

import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.ChunkEncoder;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.JsonSettings;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.RowFile;
import dev.sluice.io.RowRules;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipelines of {@code convert}: a reader of {@link Row}s (CSV or JSON Lines), the {@link
 * RowRules} stage, and a row writer. Reading, decoding and parsing run on one thread; the rules,
 * encoding and writing on the caller's. Rows cross in chunks of {@value #CHUNK}, at most {@value
 * #CHUNKS} chunks ahead. With {@code --resume} the input is a {@link RowFile} and the output a
 * {@link PartFile} committed every {@code checkpointRows} rows with the position of the last.
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

  /** Converts {@code in} to {@code out} and returns the number of rows written. */
  long run(Input in, Format from, Output out, Format to) {
    AtomicReference<List<String>> header = new AtomicReference<>();
    Pipe<Row> rows = handOff(read(in.counting(counters.bytesRead), from, header));
    Pipe<Row> ruled = rules.isEmpty() ? rows : rows.via(stage(in, from));
    AtomicLong written = counters.rows;
    return (limit >= 0 ? ruled.take(limit) : ruled)
        .peek(row -> written.lazySet(written.get() + 1)) // one writer: no read-modify-write
        .into(out.sink(os -> encoder(os, to, header, null)));
  }

  /**
   * Converts {@code file} into the part file of {@code target}, continuing after {@code saved} if
   * not null, and completes it; returns the rows in the finished file.
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
    if (saved != null && !Files.exists(PartFile.part(target)) && Files.exists(target)) {
      Files.delete(PartFile.pos(target)); // the crash came after the rename
      return saved.rows();
    }
    Optional<String> after =
        saved == null || saved.position().isEmpty()
            ? Optional.empty()
            : Optional.of(saved.position());
    boolean gzip = target.getFileName().toString().endsWith(".gz");
    List<String> written =
        saved != null && saved.bytes() > 0 && to == Format.CSV ? writtenHeader(target) : null;
    AtomicReference<List<String>> header = new AtomicReference<>();
    try (PartFile part = PartFile.open(target, job, saved)) {
      counters.rows.set(part.rows());
      ChunkEncoder<Row> chunks = new ChunkEncoder<>(os -> encoder(os, to, header, written), gzip);
      Pipe<Positioned<Row>> rows = handOff(file.after(after));
      if (!rules.isEmpty()) {
        rows = rows.via(Positioned.lift(stage(Input.file(file.path()), from)));
      }
      if (from == Format.CSV) {
        List<String> first = checked(file.firstColumns());
        header.set(after.isEmpty() ? first : null); // for a header-only input's output
      }
      commit(rows, chunks, part, saved, every);
      part.complete();
      return part.rows();
    }
  }

  /**
   * Commits the rows a chunk of {@code every} at a time, each with the position of its last row,
   * then what the encoder writes at the end (a header-only input's header) at the last position.
   */
  private void commit(
      Pipe<Positioned<Row>> rows,
      ChunkEncoder<Row> chunks,
      PartFile part,
      PartFile.Saved saved,
      int every)
      throws Exception {
    List<Row> items = new ArrayList<>(every);
    String[] last = {saved == null ? "" : saved.position()};
    rows.batch(every)
        .forEach(
            batch -> {
              items.clear();
              batch.forEach(p -> items.add(p.item()));
              last[0] = batch.get(batch.size() - 1).position();
              part.append(chunks.encode(items), items.size(), last[0]);
              counters.rows.addAndGet(items.size());
            });
    byte[] end = chunks.encodeLast(List.of());
    if (end.length > 0) {
      part.append(end, 0, last[0]);
    }
  }

  private Pipe<Row> read(Input in, Format from, AtomicReference<List<String>> header) {
    return from == Format.CSV
        ? Csv.rows(in, csvIn, names -> header.set(checked(names)))
        : JsonLines.rows(in, jsonIn);
  }

  /** The rules for rows of {@code in}: strict columns for CSV, whose header names them all. */
  private Stage<Row, Row> stage(Input in, Format from) {
    return rules.withStrictColumns(from == Format.CSV).stage(in.name());
  }

  /** {@code names}, once the rules are known to name only columns among them. */
  private List<String> checked(List<String> names) {
    try {
      rules.check(names);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
    return names;
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
    Encoder<Row> rows = Csv.rowEncoder(os, csvOut);
    return new Encoder<>() {
      private boolean any;

      @Override
      public void write(Row row) throws java.io.IOException {
        any = true;
        rows.write(row);
      }

      @Override
      public void flush() throws java.io.IOException {
        rows.flush();
      }

      @Override
      public void finish() throws java.io.IOException {
        if (!any && header.get() != null) {
          Csv.rowEncoder(os, csvOut, rules.outputNames(header.get()), true).finish();
        }
        rows.finish();
      }
    };
  }

  /** The CSV header a resumed output already holds: the first record of its part file. */
  private static List<String> writtenHeader(Path target) {
    return RowFile.csv(PartFile.part(target), CsvSettings.defaults()).firstColumns();
  }
}
