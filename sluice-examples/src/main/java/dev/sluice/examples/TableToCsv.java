package dev.sluice.examples;

// region class
import dev.sluice.CheckedFunction;
import dev.sluice.Positioned;
import dev.sluice.io.ChunkEncoder;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.PartFile;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.TableQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

public final class TableToCsv {
  static final int ROWS_PER_CHUNK = 1_000; // rows held at a time, and rows per commit

  /** Writes the header and one CSV record per row to {@code out}; returns the rows in the file. */
  static long export(
      DataSource db,
      TableQuery query,
      List<String> header,
      CheckedFunction<Map<String, Object>, List<String>> fields,
      Path out)
      throws Exception {
    PartFile.Saved saved = PartFile.load(out); // what an interrupted run committed, or null
    if (saved != null && Files.notExists(PartFile.part(out)) && Files.exists(out)) {
      Files.delete(PartFile.pos(out)); // it stopped after completing the file: done
      return saved.rows();
    }
    var csv =
        new ChunkEncoder<List<String>>(
            stream -> Csv.encoder(stream, CsvWriteSettings.defaults()),
            out.getFileName().toString().endsWith(".gz")); // one gzip member per chunk
    String job = query.table() + " " + query.key() + " " + header; // another job is refused
    try (PartFile part = PartFile.open(out, job, saved)) { // OUTPUT.part, cut back to the commit
      if (saved == null) {
        part.append(csv.encode(List.of(header)), 0, "");
      }
      Optional<String> after =
          Optional.ofNullable(saved).map(PartFile.Saved::position).filter(p -> !p.isEmpty());
      Jdbc.keyset(db, query)
          .after(after) // the rows after the last committed key, each with its own key
          .batch(ROWS_PER_CHUNK)
          .forEach(
              chunk -> {
                List<List<String>> records = new ArrayList<>(chunk.size());
                for (Positioned<Map<String, Object>> row : chunk) {
                  records.add(fields.apply(row.item()));
                }
                String last = chunk.get(chunk.size() - 1).position();
                part.append(csv.encode(records), records.size(), last); // fsynced with its key
              });
      part.complete(); // renames OUTPUT.part onto OUTPUT
      return part.rows();
    }
  }
}
// endregion
