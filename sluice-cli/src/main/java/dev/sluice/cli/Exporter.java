package dev.sluice.cli;

import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.ResumableWrite;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * The pipeline of {@code export} (and of the demo's database part): a keyset source of {@link Row}s
 * read a page at a time, the {@link RowRules} stage, and the same row writers as {@code convert}.
 * To a file it resumes: see {@link PartFile}; each page is one chunk, so chunk boundaries fall on
 * the same rows in a clean and a resumed run and the files are byte-identical (with gzip, one
 * member per chunk).
 */
final class Exporter {
  private final DataSource db;
  private final TableQuery query;
  private final List<String> columns;
  private final Format format;
  private final CsvWriteSettings csv;
  private final RowRules rules;
  private final Counters counters;
  private Progress progress = Progress.quiet(new Counters());

  /** An export of {@code columns} (in order) of the rows {@code query} reads, through rules. */
  Exporter(
      DataSource db,
      TableQuery query,
      List<String> columns,
      Format format,
      CsvWriteSettings csv,
      RowRules rules,
      Counters counters) {
    this.db = db;
    this.query = query;
    this.columns = List.copyOf(columns);
    this.format = format;
    this.csv = csv;
    this.rules = rules.select(columns.toArray(String[]::new)).withStrictColumns(true);
    this.counters = counters;
  }

  /** Reports the rows written to {@code progress}. */
  Exporter reporting(Progress progress) {
    this.progress = progress;
    return this;
  }

  /**
   * Writes every row to {@code out}, a page at a time, and returns how many. The first write that
   * fails (a closed pipe, a full disk) fails the run.
   */
  long toStream(Output out) throws Exception {
    Stage<Row, Row> stage = rules.stage(query.table());
    return progress
        .on(Jdbc.keyset(db, query, RowMapper.toRow()).rows().via(stage))
        .peek(row -> counters.rows.incrementAndGet())
        .into(out.sink(this::encoder));
  }

  /**
   * Writes every row to {@code output} through its part file, continuing after {@code saved} if not
   * null; returns the rows in the finished file.
   */
  long toFile(Path output, String fingerprint, PartFile.Saved saved) throws Exception {
    Stage<Row, Row> stage = rules.stage(query.table());
    Resumable<Row> rows =
        after ->
            progress.on(
                Jdbc.keyset(db, query, RowMapper.toRow()).after(after).via(Positioned.lift(stage)));
    return ResumableWrite.of(output, fingerprint)
        .chunk(query.pageSize())
        .onChunk(counters.rows::addAndGet)
        .write(rows, saved, (os, resumed) -> encoder(os, !resumed));
  }

  /** The writer of the format; CSV with the header of the exported columns. */
  private Encoder<Row> encoder(OutputStream os) throws java.io.IOException {
    return encoder(os, true);
  }

  private Encoder<Row> encoder(OutputStream os, boolean header) throws java.io.IOException {
    return format == Format.CSV
        ? Csv.rowEncoder(os, csv, rules.outputNames(columns), header)
        : JsonLines.rowEncoder(os);
  }
}
