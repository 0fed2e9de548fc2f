package dev.sluice.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Checkpoints;
import dev.sluice.io.FileFingerprint;
import dev.sluice.io.Input;
import dev.sluice.jdbc.CheckpointedSink;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.JdbcCheckpoint;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.SinkSettings;
import dev.sluice.jdbc.TableInfo;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice import}: a CSV or JSON Lines file into a table, a transaction per batch. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a CSV or JSON Lines file (.csv, .jsonl, .ndjson, each optionally .gz) into a table.",
      "Each batch is one transaction that also saves the file position in the table "
          + SinkSettings.DEFAULT_CHECKPOINT_TABLE
          + "; --resume continues an interrupted run after its last commit."
    })
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INPUT", description = "input file")
  Path input;

  @Mixin DbOptions db = new DbOptions();

  @Mixin ReadOptions read = new ReadOptions();

  @Option(names = "--table", required = true, paramLabel = "T", description = "target table")
  String table;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "rows per transaction (default: ${DEFAULT-VALUE})")
  int batch = SinkSettings.DEFAULT_BATCH_SIZE;

  @Option(
      names = "--upsert-key",
      split = ",",
      paramLabel = "COL",
      description = "insert or update rows by this unique key (default: plain inserts)")
  List<String> upsertKey = new ArrayList<>();

  @Option(names = "--resume", description = "continue an interrupted import of the same INPUT")
  boolean resume;

  @Option(names = "--quiet", description = "no progress or summary on stderr")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Format format = Format.ofName(input.toString());
    if (format == null) {
      throw new UsageException(
          "cannot tell the format of "
              + input
              + " (use .csv, .jsonl or .ndjson, each optionally .gz)");
    }
    if (batch <= 0) {
      throw new UsageException("--batch must be > 0, was " + batch);
    }
    Path file = input.toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(input.toString());
    }
    try (HikariDataSource pool = db.open()) {
      TableInfo info = Jdbc.describe(pool, table);
      Input in = Input.file(file);
      RecordFile records =
          new RecordFile(in, format, info, FileFingerprint.of(file), read.csv(), read.json());
      List<String> columns = records.columns();
      if (columns.isEmpty()) {
        throw new UsageException(input + " has no header or first record to take the columns from");
      }
      String job = job(info, file);
      JdbcCheckpoint checkpoint =
          new JdbcCheckpoint(pool, SinkSettings.DEFAULT_CHECKPOINT_TABLE, job);
      Optional<String> left = checkpoint.load();
      if (left.isPresent() && !resume) {
        throw new UsageException(
            "an interrupted import of "
                + input
                + " into "
                + info.name()
                + " committed records up to "
                + RecordFile.records(left.get())
                + "; rerun with --resume to continue it, or remove its checkpoint: DELETE FROM "
                + SinkSettings.DEFAULT_CHECKPOINT_TABLE
                + " WHERE job = '"
                + job
                + "'");
      }
      CheckpointedSink<Map<String, Object>> sink =
          Jdbc.<Map<String, Object>>sink(pool, settings(info, columns), RowBinder.ofMap())
              .checkpointed(job);
      Counters counters = new Counters();
      Progress progress = quiet ? null : Progress.start("import", counters, -1, System.err);
      long rows;
      try {
        rows =
            Checkpoints.resume(records, checkpoint)
                .peek(p -> counters.rows.incrementAndGet())
                .into(sink);
      } finally {
        if (progress != null) {
          progress.close();
        }
      }
      checkpoint.clear();
      if (!quiet) {
        System.err.printf(
            "sluice: imported %,d rows into %s%s%n",
            rows,
            info.name(),
            left.isPresent()
                ? " (resumed after record " + RecordFile.records(left.get()) + ")"
                : "");
      }
    } catch (RuntimeException e) {
      throw Failures.redacted(e, db);
    }
    return Main.OK;
  }

  private SinkSettings settings(TableInfo info, List<String> columns) {
    if (!upsertKey.isEmpty()) {
      List<String> key = upsertKey.stream().map(info::column).toList();
      if (!columns.containsAll(key)) {
        throw new UsageException(
            "--upsert-key " + key + " must be among the input's columns " + columns);
      }
      return SinkSettings.upsert(info.name(), columns, key.toArray(String[]::new))
          .withBatchSize(batch);
    }
    String[] key =
        columns.containsAll(info.primaryKey())
            ? info.primaryKey().toArray(String[]::new)
            : new String[0];
    return SinkSettings.insert(info.name(), columns, key).withBatchSize(batch);
  }

  /** The checkpoint's job name: the table and the input's absolute path (hashed if long). */
  private static String job(TableInfo info, Path file) {
    String job = "import " + info.name() + " " + file;
    return job.length() <= 200 ? job : "import " + info.name() + " " + Masking.sha256(job);
  }
}
