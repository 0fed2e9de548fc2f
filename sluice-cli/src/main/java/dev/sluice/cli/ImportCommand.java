package dev.sluice.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Checkpoints;
import dev.sluice.Columns;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Row;
import dev.sluice.io.BadInputException;
import dev.sluice.io.BadRows;
import dev.sluice.io.RowFile;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.CheckpointedSink;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.JdbcCheckpoint;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.SinkSettings;
import dev.sluice.jdbc.TableInfo;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Mixin RulesOptions rules = new RulesOptions();

  @Option(names = "--table", required = true, paramLabel = "T", description = "target table")
  String table;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "rows per transaction (default: ${DEFAULT-VALUE})")
  int batch = 10_000;

  @Option(
      names = "--upsert-key",
      split = ",",
      paramLabel = "COL",
      description = "insert or update rows by this unique key (default: plain inserts)")
  List<String> upsertKey = new ArrayList<>();

  @Option(names = "--resume", description = "continue an interrupted import of the same INPUT")
  boolean resume;

  @Option(
      names = "--skip-bad-rows",
      paramLabel = "FILE",
      description =
          "write rows that cannot be imported (a record of the wrong width, a JSON line that is not"
              + " an object, a value that does not parse to its column's type) to FILE as JSON"
              + " Lines with their line and error, and go on")
  Path skipBadRows;

  @Option(names = "--quiet", description = "no progress or summary on stderr")
  boolean quiet;

  /** Where bad rows go with --skip-bad-rows, for this run. */
  private BadRows bad;

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
      if (skipBadRows != null && resume) {
        throw new UsageException("--skip-bad-rows cannot be combined with --resume");
      }
      RowFile records =
          format == Format.CSV
              ? RowFile.csv(file, read.csv())
              : RowFile.jsonLines(file, read.json());
      List<String> first = records.firstColumns();
      bad = skipBadRows == null ? null : BadRows.open(skipBadRows.toAbsolutePath());
      if (bad != null) {
        records = records.skippingBadRecords(bad::add);
      }
      if (first.isEmpty()) {
        throw new UsageException(input + " has no header or first record to take the columns from");
      }
      RowRules rowRules = rules.rules().withStrictColumns(format == Format.CSV);
      if (format == Format.CSV) {
        RulesOptions.requireColumns(rowRules, first);
      }
      List<String> columns = tableColumns(info, rowRules.outputNames(first));
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
                + RowFile.records(left.get())
                + "; rerun with --resume to continue it, or remove its checkpoint: DELETE FROM "
                + SinkSettings.DEFAULT_CHECKPOINT_TABLE
                + " WHERE job = '"
                + job
                + "'");
      }
      CheckpointedSink<Row> sink =
          Jdbc.<Row>sink(pool, settings(info, columns), RowBinder.ofRow()).checkpointed(job);
      Columns sinkColumns = Columns.of(columns);
      boolean csvEmpty = format == Format.CSV;
      Counters counters = new Counters();
      Progress progress =
          quiet ? Progress.quiet(counters) : Progress.start("import", counters, -1, System.err);
      long rows;
      try {
        rows =
            progress
                .on(
                    Checkpoints.resume(records, checkpoint)
                        .via(Positioned.lift(rowRules.stage(input.toString())))
                        .flatMap(p -> typed(info, p, sinkColumns, csvEmpty)))
                .peek(p -> counters.rows.incrementAndGet())
                .into(sink);
        if (bad != null) {
          bad.commit();
        }
      } finally {
        progress.close();
        if (bad != null) {
          bad.close();
        }
      }
      checkpoint.clear();
      if (!quiet) {
        System.err.printf(
            "sluice: imported %,d rows into %s%s%n",
            rows,
            info.name(),
            left.isPresent() ? " (resumed after record " + RowFile.records(left.get()) + ")" : "");
      }
      if (bad != null && bad.count() > 0) {
        System.err.printf(
            "sluice: skipped %,d bad rows, written to %s%n", bad.count(), skipBadRows);
      }
    } catch (RuntimeException e) {
      throw Failures.redacted(e, db);
    }
    return Main.OK;
  }

  /** The table's real names of the input's columns; one that is not a column is a usage error. */
  private List<String> tableColumns(TableInfo info, List<String> names) {
    List<String> columns = new ArrayList<>(names.size());
    for (String name : names) {
      try {
        columns.add(info.column(name));
      } catch (JdbcException e) {
        throw new UsageException(
            "field '"
                + name
                + "' of "
                + input
                + " is not a column of table "
                + info.name()
                + " "
                + info.columns());
      }
    }
    return columns;
  }

  /**
   * {@code row} with its values parsed to the columns' types, as a row of {@code sink}'s columns (a
   * JSON object's missing keys are NULL); a value that does not parse is bad input naming its line.
   */
  private Pipe<Positioned<Row>> typed(
      TableInfo info, Positioned<Row> positioned, Columns sink, boolean emptyIsNull)
      throws Exception {
    Row row = positioned.item();
    Row typed;
    try {
      typed = info.typed(row, emptyIsNull);
    } catch (IllegalArgumentException | JdbcException e) {
      BadInputException failure =
          new BadInputException(input.toString(), row.line(), e.getMessage(), null, e);
      if (bad == null) {
        throw failure;
      }
      bad.add(failure, row);
      return Pipe.empty();
    }
    return Pipe.of(new Positioned<>(fit(typed, sink), positioned.position()));
  }

  /** {@code typed} as a row of {@code sink}'s columns: a JSON object's missing keys are NULL. */
  private static Row fit(Row typed, Columns sink) {
    if (typed.columns().equals(sink)) {
      return typed;
    }
    Object[] values = new Object[sink.size()];
    for (int i = 0; i < values.length; i++) {
      int at = typed.columns().find(sink.name(i));
      values[i] = at < 0 ? null : typed.get(at);
    }
    return Row.of(typed.line(), sink, values);
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
    if (job.length() <= 200) {
      return job;
    }
    try {
      byte[] sha =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(job.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "import " + info.name() + " " + java.util.HexFormat.of().formatHex(sha);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }
}
