package dev.sluice.cli;

import dev.sluice.Positioned;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.ChunkEncoder;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /**
   * Writes every row to {@code out}, a page at a time, and returns how many. The first write that
   * fails (a closed pipe, a full disk) fails the run.
   */
  long toStream(Output out) throws Exception {
    Stage<Row, Row> stage = rules.stage(query.table());
    return Jdbc.keyset(db, query, RowMapper.toRow())
        .rows()
        .via(stage)
        .peek(row -> counters.rows.incrementAndGet())
        .into(out.sink(this::encoder));
  }

  /**
   * Writes every row to {@code output} through its part file, continuing after {@code saved} if not
   * null; returns the rows in the finished file.
   */
  long toFile(Path output, String fingerprint, PartFile.Saved saved) throws Exception {
    if (saved != null && !Files.exists(PartFile.part(output)) && Files.exists(output)) {
      Files.delete(PartFile.pos(output));
      return saved.rows();
    }
    boolean gzip = output.getFileName().toString().endsWith(".gz");
    boolean fresh = saved == null || !Files.exists(PartFile.part(output));
    ChunkEncoder<Row> chunks = new ChunkEncoder<>(os -> encoder(os, fresh), gzip);
    try (PartFile part = PartFile.open(output, fingerprint, fresh ? null : saved)) {
      counters.bytesRead.set(fresh ? 0 : saved.bytes());
      Optional<String> after =
          fresh || saved.position().isEmpty() ? Optional.empty() : Optional.of(saved.position());
      String[] last = {fresh ? "" : saved.position()};
      Jdbc.keyset(db, query, RowMapper.toRow())
          .after(after)
          .via(Positioned.lift(rules.stage(query.table())))
          .batch(query.pageSize())
          .forEach(batch -> last[0] = write(part, chunks, batch));
      byte[] end = chunks.encodeLast(List.of());
      if (end.length > 0) {
        part.append(end, 0, last[0]);
      }
      part.complete();
      return part.rows();
    }
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

  private String write(PartFile part, ChunkEncoder<Row> chunks, List<Positioned<Row>> batch)
      throws Exception {
    List<Row> rows = new ArrayList<>(batch.size());
    batch.forEach(p -> rows.add(p.item()));
    byte[] bytes = chunks.encode(rows);
    String position = batch.get(batch.size() - 1).position();
    part.append(bytes, rows.size(), position);
    counters.rows.addAndGet(rows.size());
    counters.bytesRead.addAndGet(bytes.length);
    return position;
  }
}
