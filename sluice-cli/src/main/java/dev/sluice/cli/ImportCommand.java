package dev.sluice.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.BadInputException;
import dev.sluice.io.BadRows;
import dev.sluice.io.CsvRecordBytes;
import dev.sluice.io.FileFormat;
import dev.sluice.io.RowFile;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.SinkSettings;
import dev.sluice.jdbc.TableImport;
import dev.sluice.jdbc.TableInfo;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
      description =
          "rows per transaction (default: 10000, and 50000 while the file's records go to"
              + " PostgreSQL's COPY as they are)")
  Integer batch;

  @Option(
      names = "--upsert-key",
      split = ",",
      paramLabel = "COL",
      description = "insert or update rows by this unique key (default: plain inserts)")
  List<String> upsertKey = new java.util.ArrayList<>();

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
    FileFormat format = Formats.resolve(input.toString(), null, null);
    if (batch != null && batch <= 0) {
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
          format == FileFormat.CSV
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
      RowRules rowRules = rules.rules().withStrictColumns(format == FileFormat.CSV);
      if (format == FileFormat.CSV) {
        RulesOptions.requireColumns(rowRules, first);
      }
      TableImport into;
      try {
        TableImport planned =
            TableImport.of(pool, info, rowRules.outputNames(first), file.toString())
                .withUpsertKey(upsertKey)
                .withEmptyIsNull(format == FileFormat.CSV);
        into = batch == null ? planned : planned.withBatchSize(batch);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage().replace(file.toString(), input.toString()));
      }
      Optional<String> left = into.interrupted();
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
                + into.job()
                + "'");
      }
      Stage<Row, Row> stage = rowRules.stage(input.toString());
      RowFile from = records;
      Counters counters = new Counters();
      Progress progress = Progress.of(quiet, "import", counters, -1);
      Resumable<Row> ruled = after -> progress.on(from.after(after).via(Positioned.lift(stage)));
      long rows;
      try {
        Optional<CsvRecordBytes> bytes =
            format == FileFormat.CSV && rowRules.isEmpty()
                ? CsvRecordBytes.of(file, read.csv(), first.size())
                : Optional.empty();
        if (bytes.isPresent()) {
          // COPY takes the file's bytes with no pipe to report them: report the rows counted
          Resumable<Row> rest = after -> from.after(after).via(Positioned.lift(stage));
          rows =
              progress.around(
                  () -> into.run(bytes.get(), rest, this::rejected, counters.rows::set));
        } else {
          rows = into.run(ruled, this::rejected, counters.rows::set);
        }
        if (bad != null) {
          bad.commit();
        }
      } finally {
        progress.close();
        if (bad != null) {
          bad.close();
        }
      }
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

  /** A value that does not parse: bad input naming its line, skipped with --skip-bad-rows. */
  private void rejected(Row row, RuntimeException e) throws Exception {
    BadInputException failure =
        new BadInputException(input.toString(), row.line(), e.getMessage(), null, e);
    if (bad == null) {
      throw failure;
    }
    bad.add(failure, row);
  }
}
