package dev.sluice.jdbc;

import dev.sluice.CheckedSupplier;
import dev.sluice.Columns;
import dev.sluice.Emitter;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import dev.sluice.io.FileFormat;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.ResumableWrite;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.internal.ChunkSpool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An export of a table's rows, in key order, to CSV or JSON Lines through {@link RowRules}: to a
 * stream, or to a file that resumes after a crash. This is {@code sluice export}; it chooses how
 * the rows travel, and the choice never shows in the bytes.
 *
 * <ul>
 *   <li><b>To a file</b> ({@link #toFile}): through {@link ResumableWrite}, one chunk of {@link
 *       TableQuery#pageSize} rows per commit, each chunk ending after the same row in a clean and a
 *       resumed run, so the files are byte-identical (with gzip, one member per chunk). When the
 *       database is PostgreSQL, the format CSV with no null text, and no rule keeps or drops rows,
 *       infers types or hashes with a key (masks and plain hashes of text columns are computed in
 *       SQL as the rules compute them), the chunks are read by {@code COPY} ({@link CopyExport})
 *       and written as the row path writes them; a table whose columns {@code COPY} cannot render
 *       exactly uses the row path from the start, and a value it cannot render hands the rest of
 *       the run to the row path from the last commit. Otherwise the rows go by keyset pages ({@link
 *       KeysetSource}, at most {@value #ROW_PAGE} rows a query whatever the chunk size, so memory
 *       does not grow with it) through the rules to the format's writer.
 *   <li><b>To a stream</b> ({@link #toStream}): by {@code COPY} under the same conditions, each
 *       chunk held in a temporary file until it is whole and exact (bytes already written to a pipe
 *       cannot be taken back when a value turns out not to be), so a value {@code COPY} cannot
 *       render hands the rest to the row path from the last chunk written; otherwise by rows.
 * </ul>
 *
 * <p>The job's {@link #fingerprint} names everything that decides the bytes; {@link ResumableWrite}
 * refuses to resume a part file written under another. Instances are immutable and thread-safe;
 * each call runs on the caller's thread and borrows connections from the data source only while it
 * runs.
 *
 * <pre>{@code
 * TableExport export = TableExport.of(db, TableQuery.of("orders", "id").withPageSize(50_000),
 *         List.of("id", "email", "total"))
 *     .csv(CsvWriteSettings.defaults());
 * long rows = export.toFile(Path.of("orders.csv"), "postgres@db1", PartFile.load(path));
 * }</pre>
 */
public final class TableExport {
  /** The most rows a keyset page of the row path holds. */
  public static final int ROW_PAGE = 10_000;

  /**
   * Watches an export as it runs (a progress display); every method has a default that does
   * nothing.
   */
  public interface Monitor {
    /** The row path's pipe, to be metered; the pipe returned is run. */
    default <T> Pipe<T> rows(Pipe<T> pipe) {
      return pipe;
    }

    /** Runs the {@code COPY} path's work, which is not one pipe, and returns its result. */
    default <T> T copy(CheckedSupplier<T> work) throws Exception {
      return work.get();
    }

    /** {@code rows} more rows were written: one at a time to a stream, a chunk to a file. */
    default void written(long rows) {}
  }

  private static final Monitor UNWATCHED = new Monitor() {};

  private final DataSource dataSource;
  private final TableQuery query;
  private final List<String> columns;
  private final FileFormat format;
  private final CsvWriteSettings csv;
  private final RowRules rules;
  private final boolean copyAllowed;
  private final Monitor monitor;

  private TableExport(
      DataSource dataSource,
      TableQuery query,
      List<String> columns,
      FileFormat format,
      CsvWriteSettings csv,
      RowRules rules,
      boolean copyAllowed,
      Monitor monitor) {
    this.dataSource = dataSource;
    this.query = query;
    this.columns = columns;
    this.format = format;
    this.csv = csv;
    this.rules = rules;
    this.copyAllowed = copyAllowed;
    this.monitor = monitor;
  }

  /**
   * An export of {@code columns} (real names, in this order) of the rows {@code query} reads (its
   * table, key, filter, and page size as the rows of a file's chunk), as CSV with {@link
   * CsvWriteSettings#defaults()} and no rules.
   *
   * @throws IllegalArgumentException if {@code columns} is empty or the query has no key
   */
  public static TableExport of(DataSource dataSource, TableQuery query, List<String> columns) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(query, "query");
    List<String> cols = PgCopy.exportColumns(query, columns);
    return new TableExport(
        dataSource,
        query,
        cols,
        FileFormat.CSV,
        CsvWriteSettings.defaults(),
        RowRules.none(),
        true,
        UNWATCHED);
  }

  /** This export as CSV written with {@code settings}. */
  public TableExport csv(CsvWriteSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new TableExport(
        dataSource, query, columns, FileFormat.CSV, settings, rules, copyAllowed, monitor);
  }

  /** This export in {@code format}; CSV keeps its settings. */
  public TableExport withFormat(FileFormat format) {
    Objects.requireNonNull(format, "format");
    return new TableExport(dataSource, query, columns, format, csv, rules, copyAllowed, monitor);
  }

  /**
   * This export through {@code rules}, applied to the exported columns with strict columns (a rule
   * naming a column that is not exported fails the run before any row is written).
   */
  public TableExport withRules(RowRules rules) {
    Objects.requireNonNull(rules, "rules");
    return new TableExport(dataSource, query, columns, format, csv, rules, copyAllowed, monitor);
  }

  /** This export allowed to read by {@code COPY} when it writes the same bytes (the default). */
  public TableExport withCopy(boolean allowed) {
    return new TableExport(dataSource, query, columns, format, csv, rules, allowed, monitor);
  }

  /** This export watched by {@code monitor}. */
  public TableExport watchedBy(Monitor monitor) {
    Objects.requireNonNull(monitor, "monitor");
    return new TableExport(dataSource, query, columns, format, csv, rules, copyAllowed, monitor);
  }

  /**
   * The job's identity for a resumable file: {@code database} (a name of it without secrets, such
   * as a URL with its password removed), the table, key, columns, filter and its parameters, chunk
   * size, format, rules and CSV settings, on one line. Two exports with the same fingerprint write
   * the same bytes from the same rows.
   */
  public String fingerprint(String database) {
    String text =
        String.join(
            " ",
            Objects.requireNonNull(database, "database"),
            query.table(),
            "key=" + query.key(),
            "columns=" + columns,
            "where=" + query.where() + query.params(),
            "batch=" + query.pageSize(),
            "format=" + format,
            rules.toString(),
            "csv=" + csv);
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * Writes every row to {@code out} by the row path, a keyset page at a time, and returns how many.
   * The first write that fails (a closed pipe, a full disk) fails the run.
   */
  public long toStream(Output out) throws Exception {
    Objects.requireNonNull(out, "out");
    CopyExport copy = copy();
    if (copy != null) {
      return copyToStream(copy, out);
    }
    Stage<Row, Row> stage = stage();
    return monitor
        .rows(Jdbc.keyset(dataSource, rowPages(), RowMapper.toRow()).rows().via(stage))
        .peek(row -> monitor.written(1))
        .into(out.sink(os -> encoder(os, true)));
  }

  /**
   * {@link #toStream} by {@code COPY}: each chunk is held in a {@link ChunkSpool} until it is whole
   * and exact, then written; a value {@code COPY} cannot write exactly hands the rest, from the
   * last chunk written, to the row path. Returns the rows written.
   */
  private long copyToStream(CopyExport copy, Output out) throws Exception {
    long[] rows = {0};
    Stage<Row, Row> stage = stage();
    Pipe<byte[]> bytes =
        Pipe.generate(
            "COPY export of '" + query.table() + "'",
            emit -> {
              Optional<String> after;
              try (ChunkSpool spool = ChunkSpool.create()) { // before a byte is written
                byte[] header = header();
                if (header.length > 0) {
                  emit.emit(header);
                }
                String[] last = {null};
                try {
                  copy.write(
                      Optional.empty(),
                      query.pageSize(),
                      spool::open,
                      (count, position) -> {
                        spool.drainTo(emit::emit);
                        rows[0] += count;
                        last[0] = position;
                        monitor.written(count);
                      });
                  return;
                } catch (CopyExport.NotExactException e) {
                  after = Optional.ofNullable(last[0]); // that chunk was never written
                }
              }
              ByteArrayOutputStream buffer = new ByteArrayOutputStream(2 * ChunkSpool.PIECE);
              Encoder<Row> encoder = encoder(buffer, false);
              rowsAfter(after, stage)
                  .forEach(
                      row -> {
                        encoder.write(row.item());
                        encoder.flush();
                        rows[0]++;
                        monitor.written(1);
                        if (buffer.size() >= ChunkSpool.PIECE) {
                          emit.emit(buffer.toByteArray());
                          buffer.reset();
                        }
                      });
              encoder.finish();
              if (buffer.size() > 0) {
                emit.emit(buffer.toByteArray());
              }
            });
    monitor.copy(() -> bytes.into(out.sink(TableExport::raw)));
    return rows[0];
  }

  /** The row path's rows after {@code after} (all if empty), through {@code stage}, metered. */
  private Pipe<Positioned<Row>> rowsAfter(Optional<String> after, Stage<Row, Row> stage) {
    return monitor.rows(
        Jdbc.keyset(dataSource, rowPages(), RowMapper.toRow())
            .after(after)
            .via(Positioned.lift(stage)));
  }

  /** An encoder of bytes written as they are. */
  private static Encoder<byte[]> raw(OutputStream os) {
    return os::write;
  }

  /**
   * Writes every row to {@code output} through its part file ({@link PartFile}), continuing after
   * {@code saved} (the part file's last commit, from {@link PartFile#load}) if not null, under the
   * job {@link #fingerprint fingerprint(database)}; returns the rows in the finished file. By
   * {@code COPY} when it can, else (or from the first chunk a value of stops it at) by rows: the
   * bytes are the same either way.
   *
   * @throws dev.sluice.ResumeRefusedException if {@code saved} belongs to another job
   */
  public long toFile(Path output, String database, PartFile.Saved saved) throws Exception {
    Objects.requireNonNull(output, "output");
    ResumableWrite write =
        ResumableWrite.of(output, fingerprint(database))
            .chunk(query.pageSize())
            .onChunk(monitor::written);
    CopyExport copy = copy();
    if (copy != null) {
      try {
        PartFile.Saved from = saved;
        return monitor.copy(
            () ->
                write.writeBytes(
                    (after, out) -> copy.write(after, query.pageSize(), out::open, out::commit),
                    from,
                    header()));
      } catch (CopyExport.NotExactException e) {
        saved = PartFile.load(output); // what the COPY chunks committed; the row path goes on
      }
    }
    Stage<Row, Row> stage = stage();
    Resumable<Row> rows = after -> rowsAfter(after, stage);
    return write.write(rows, saved, (os, resumed) -> encoder(os, !resumed));
  }

  /**
   * Whether {@link #toFile} starts by {@code COPY}: PostgreSQL, CSV without null text, no rule that
   * keeps or drops rows, infers or hashes with a key, columns {@code COPY} renders exactly (masked
   * and hashed ones of text types). Borrows a connection to look.
   */
  public boolean copies() {
    return copy() != null;
  }

  /**
   * The rules' stage; with no rule, rows that have exactly the exported columns in order (the usual
   * case: the key is among them) pass as they are instead of being copied into rows of the same
   * columns.
   */
  private Stage<Row, Row> stage() {
    Stage<Row, Row> rulesStage = applied().stage(query.table());
    return rules.isEmpty() ? new Unchanged(rulesStage, columns) : rulesStage;
  }

  /** Rows of exactly {@code columns} as they are, others through the rules' stage. */
  private record Unchanged(Stage<Row, Row> rulesStage, List<String> columns)
      implements Stage<Row, Row> {
    @Override
    public Integrator<Row, Row> start() throws Exception {
      Integrator<Row, Row> rules = rulesStage.start();
      return new Integrator<>() {
        private Columns seen;
        private boolean same;

        @Override
        public boolean push(Row row, Emitter<Row> out) throws Exception {
          if (row.columns() != seen) {
            seen = row.columns();
            same = seen.names().equals(columns);
          }
          if (!same) {
            return rules.push(row, out);
          }
          out.emit(row);
          return true;
        }

        @Override
        public void finish(Emitter<Row> out) throws Exception {
          rules.finish(out);
        }
      };
    }

    @Override
    public String toString() {
      return rulesStage.toString();
    }
  }

  private RowRules applied() {
    return rules.select(columns.toArray(String[]::new)).withStrictColumns(true);
  }

  /** The row path's query: pages of at most ROW_PAGE rows, so memory does not grow with chunks. */
  private TableQuery rowPages() {
    return query.withPageSize(Math.min(query.pageSize(), ROW_PAGE));
  }

  private CopyExport copy() {
    if (format == FileFormat.JSON_LINES) {
      if (!copyAllowed || !rules.conditions().isEmpty() || rules.infers() || rules.keyed()) {
        return null;
      }
      CopyExport json =
          CopyExport.planJsonLines(
              dataSource, query, columns, rules, applied().outputNames(columns));
      return json.exact() ? json : null;
    }
    if (!copyAllowed
        || format != FileFormat.CSV
        || csv.nullText() != null
        || !rules.conditions().isEmpty()
        || rules.infers()
        || rules.keyed()) {
      return null;
    }
    var style =
        new CopyExport.Style(
            csv.fieldSeparator(), csv.quoteCharacter(), csv.crlf(), csv.formulaGuard());
    CopyExport copy = CopyExport.plan(dataSource, query, columns, style, rules);
    return copy.exact() ? copy : null;
  }

  /** The CSV header, as the row writer writes it. */
  private byte[] header() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    encoder(bytes, true).finish();
    return bytes.toByteArray();
  }

  private Encoder<Row> encoder(OutputStream os, boolean header) throws IOException {
    return format == FileFormat.CSV
        ? Csv.rowEncoder(os, csv, applied().outputNames(columns), header)
        : JsonLines.rowEncoder(os);
  }

  @Override
  public String toString() {
    return "TableExport[" + query.table() + " " + columns + ", " + format + ", " + rules + "]";
  }
}
