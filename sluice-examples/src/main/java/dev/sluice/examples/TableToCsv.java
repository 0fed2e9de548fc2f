package dev.sluice.examples;

// region class
import dev.sluice.CheckedFunction;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.PartFile;
import dev.sluice.io.ResumableWrite;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

public final class TableToCsv {
  static final int ROWS_PER_CHUNK = 1_000; // rows held at a time, and rows per commit

  /** Writes {@code header}, then each row through {@code each}; returns the rows in the file. */
  static long export(
      DataSource db,
      TableQuery query,
      List<String> header,
      CheckedFunction<Row, Row> each,
      Path out)
      throws Exception {
    Resumable<Row> rows = // the rows after a committed key, each with its own key
        after -> Jdbc.keyset(db, query, RowMapper.toRow()).after(after).map(p -> p.map(each));
    String job = query.table() + " " + query.key() + " " + header; // another job is refused
    return ResumableWrite.of(out, job) // out.part, fsynced with its position after each chunk
        .chunk(ROWS_PER_CHUNK)
        .write(
            rows,
            PartFile.load(out), // what an interrupted run committed, or null
            (stream, resumed) ->
                Csv.rowEncoder(stream, CsvWriteSettings.defaults(), header, !resumed));
  }
}
// endregion
