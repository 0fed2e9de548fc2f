package dev.sluice.cli;

import dev.sluice.CheckedFunction;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.KeysetSource;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The pipeline of {@code export} (and of the demo's database part): a keyset source read a batch at
 * a time, each row through an optional transform, encoded and written. To a file it resumes: see
 * {@link PartFile}; each batch is one chunk, so batch boundaries fall on the same rows in a clean
 * and a resumed run and the files are byte-identical (with gzip, one member per chunk).
 */
final class Exporter {
  private final DataSource db;
  private final TableQuery query;
  private final List<String> columns;
  private final Format format;
  private final CsvWriteSettings csv;
  private final CheckedFunction<Map<String, Object>, Map<String, Object>> transform;
  private final Counters counters;

  Exporter(
      DataSource db,
      TableQuery query,
      List<String> columns,
      Format format,
      CsvWriteSettings csv,
      CheckedFunction<Map<String, Object>, Map<String, Object>> transform,
      Counters counters) {
    this.db = db;
    this.query = query;
    this.columns = List.copyOf(columns);
    this.format = format;
    this.csv = csv;
    this.transform = transform;
    this.counters = counters;
  }

  /**
   * Writes every row to {@code out}, a page at a time, and returns how many. The first write that
   * fails (a closed pipe, a full disk) fails the run.
   */
  long toStream(Output out) throws Exception {
    RowEncoder encoder = new RowEncoder(format, columns, false, csv);
    Pipe<byte[]> pages =
        Jdbc.keyset(db, query, RowMapper.toMap())
            .rows()
            .map(transform)
            .batch(query.pageSize())
            .map(
                rows -> {
                  counters.rows.addAndGet(rows.size());
                  return encoder.rows(rows);
                });
    Pipe.concat(Pipe.of(encoder.header()), pages).into(out.<byte[]>sink(stream -> stream::write));
    return counters.rows.get();
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
    RowEncoder encoder = new RowEncoder(format, columns, gzip, csv);
    boolean fresh = saved == null || !Files.exists(PartFile.part(output));
    try (PartFile part = PartFile.open(output, fingerprint, fresh ? null : saved)) {
      if (fresh) {
        part.append(encoder.header(), 0, "");
      }
      counters.bytesRead.set(fresh ? 0 : saved.bytes());
      KeysetSource<Map<String, Object>> source = Jdbc.keyset(db, query, RowMapper.toMap());
      Optional<String> after =
          fresh || saved.position().isEmpty() ? Optional.empty() : Optional.of(saved.position());
      source.after(after).batch(query.pageSize()).forEach(batch -> write(part, encoder, batch));
      part.complete();
      return part.rows();
    }
  }

  private void write(PartFile part, RowEncoder encoder, List<Positioned<Map<String, Object>>> batch)
      throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>(batch.size());
    for (Positioned<Map<String, Object>> p : batch) {
      rows.add(transform.apply(p.item()));
    }
    byte[] bytes = encoder.rows(rows);
    part.append(bytes, rows.size(), batch.get(batch.size() - 1).position());
    counters.rows.addAndGet(rows.size());
    counters.bytesRead.addAndGet(bytes.length);
  }
}
