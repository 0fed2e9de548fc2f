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
import dev.sluice.jdbc.CopyExport;
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
 * member per chunk). On PostgreSQL a CSV export whose rules need no values runs by {@code COPY}
 * ({@link CopyExport}, {@link CopyFile}), with the same bytes and chunks.
 */
final class Exporter {
  /** The most rows a keyset page of the row path holds. */
  private static final int ROW_PAGE = 10_000;

  private final DataSource db;
  private final TableQuery query;
  private final List<String> columns;
  private final Format format;
  private final CsvWriteSettings csv;
  private final RowRules rules;
  private final Counters counters;
  private boolean copyAllowed = true;
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

  /** This export on the row path only (for tests that compare the two paths). */
  Exporter withoutCopy() {
    copyAllowed = false;
    return this;
  }

  /**
   * Writes every row to {@code out}, a page at a time, and returns how many. The first write that
   * fails (a closed pipe, a full disk) fails the run.
   */
  long toStream(Output out) throws Exception {
    Stage<Row, Row> stage = rules.stage(query.table());
    return progress
        .on(Jdbc.keyset(db, rowPages(), RowMapper.toRow()).rows().via(stage))
        .peek(row -> counters.rows.incrementAndGet())
        .into(out.sink(this::encoder));
  }

  /**
   * Writes every row to {@code output} through its part file, continuing after {@code saved} if not
   * null; returns the rows in the finished file. By {@code COPY} when {@link #copy} can, else (or
   * from the first chunk a value of stops it at) by rows: the bytes are the same either way.
   */
  long toFile(Path output, String fingerprint, PartFile.Saved saved) throws Exception {
    ResumableWrite write =
        ResumableWrite.of(output, fingerprint)
            .chunk(query.pageSize())
            .onChunk(counters.rows::addAndGet);
    CopyExport copy = copy();
    if (copy != null) {
      try {
        PartFile.Saved from = saved;
        return progress.around(
            () ->
                write.writeBytes(
                    (after, out) -> copy.write(after, query.pageSize(), out::open, out::commit),
                    from,
                    header()));
      } catch (CopyExport.NotExactException e) {
        saved = PartFile.load(output); // what the COPY chunks committed; the row path goes on
      }
    }
    Stage<Row, Row> stage = rules.stage(query.table());
    TableQuery pages = rowPages();
    Resumable<Row> rows =
        after ->
            progress.on(
                Jdbc.keyset(db, pages, RowMapper.toRow()).after(after).via(Positioned.lift(stage)));
    return write.write(rows, saved, (os, resumed) -> encoder(os, !resumed));
  }

  /** The row path's query: pages of at most ROW_PAGE rows, so memory does not grow with --batch. */
  private TableQuery rowPages() {
    return query.withPageSize(Math.min(query.pageSize(), ROW_PAGE));
  }

  /** The COPY export, when the output is CSV, no rule needs values and COPY writes the same. */
  private CopyExport copy() {
    if (!copyAllowed
        || format != Format.CSV
        || csv.nullText() != null
        || !rules.conditions().isEmpty()
        || !rules.masked().isEmpty()
        || !rules.hashed().isEmpty()
        || rules.infers()) {
      return null;
    }
    var style =
        new CopyExport.Style(
            csv.fieldSeparator(), csv.quoteCharacter(), csv.crlf(), csv.formulaGuard());
    CopyExport copy = CopyExport.plan(db, query, columns, style);
    return copy.exact() ? copy : null;
  }

  /** The CSV header, as the row writer writes it. */
  private byte[] header() throws java.io.IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    Encoder<Row> header = encoder(bytes, true);
    header.finish();
    return bytes.toByteArray();
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
