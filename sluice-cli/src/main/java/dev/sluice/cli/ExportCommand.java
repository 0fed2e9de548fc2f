package dev.sluice.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.TableExport;
import dev.sluice.jdbc.TableInfo;
import dev.sluice.jdbc.TableQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice export}: a table to CSV or JSON Lines, by keyset pages, resumable. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports a table to CSV or JSON Lines (.csv, .jsonl, .ndjson, each optionally .gz), reading it"
          + " in key order a batch at a time.",
      "The output is written to OUTPUT.part with its position in OUTPUT.part.pos after each batch,"
          + " and renamed into place at the end; --resume continues an interrupted run."
    })
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OUTPUT", description = "output file, or - for stdout")
  String output;

  @Mixin DbOptions db = new DbOptions();

  @Mixin CsvOptions csv = new CsvOptions();

  @Mixin RulesOptions rules = new RulesOptions();

  @Option(names = "--table", required = true, paramLabel = "T", description = "table to export")
  String table;

  @Option(
      names = "--key",
      split = ",",
      paramLabel = "COL",
      description = "unique key to page by (default: the primary key)")
  List<String> key = new ArrayList<>();

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "COL",
      description = "columns to write, in order (default: all); the same as --select")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--filter",
      paramLabel = "COL=VALUE",
      description = "keep rows whose column equals the value (empty value: IS NULL); repeatable")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "rows per checkpoint (and COPY chunk) (default: ${DEFAULT-VALUE})")
  int batch = 50_000;

  @Option(names = "--resume", description = "continue an interrupted export of the same OUTPUT")
  boolean resume;

  @Option(names = "--to", paramLabel = "FORMAT", description = "output format: csv or jsonl")
  String to;

  @Option(names = "--quiet", description = "no progress or summary on stderr")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    FileFormat format = Formats.resolve(output, to, "--to");
    Formats.checkOutput(output);
    if (batch <= 0) {
      throw new UsageException("--batch must be > 0, was " + batch);
    }
    boolean stdout = output.equals("-");
    if (stdout && resume) {
      throw new UsageException("--resume needs an OUTPUT file, not -");
    }
    Path file = stdout ? null : Path.of(output).toAbsolutePath();
    PartFile.Saved saved = stdout ? null : Leftovers.check(file, resume, "export");
    try (HikariDataSource pool = db.open()) {
      TableInfo info = Jdbc.describe(pool, table);
      TableQuery query = query(info).withPageSize(batch);
      if (!columns.isEmpty() && !rules.select.isEmpty()) {
        throw new UsageException("give --columns or --select, not both");
      }
      List<String> picked = columns.isEmpty() ? rules.select : columns;
      List<String> out =
          picked.isEmpty() ? info.columns() : picked.stream().map(info::column).toList();
      RowRules rowRules = rules.rules();
      RulesOptions.requireColumns(rowRules, info.columns());
      Counters counters = new Counters();
      Progress progress = Progress.of(quiet, "export", counters, -1);
      TableExport export =
          TableExport.of(pool, query, out)
              .csv(csv.settings())
              .withFormat(format)
              .withRules(rowRules)
              .watchedBy(monitor(progress, counters));
      long rows;
      try {
        rows =
            stdout ? export.toStream(Output.stdout()) : export.toFile(file, db.describe(), saved);
      } finally {
        progress.close();
      }
      if (!quiet) {
        System.err.printf(
            "sluice: exported %,d rows of %s to %s%s%n",
            rows, info.name(), output, saved != null ? " (resumed)" : "");
      }
    } catch (RuntimeException e) {
      throw Failures.redacted(e, db);
    }
    return Main.OK;
  }

  /** The keyset query of --key and --filter COL=VALUE; a usage error naming the option if bad. */
  private TableQuery query(TableInfo info) {
    if (key.isEmpty() && info.primaryKey().isEmpty()) {
      throw new UsageException(
          "table " + info.name() + " has no primary key; name a unique key with --key COL[,COL]");
    }
    try {
      info.keysetQuery(key, Map.of());
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          e.getMessage() + (key.isEmpty() ? "" : "; name another unique key with --key COL[,COL]"));
    }
    Map<String, String> equal = new LinkedHashMap<>();
    for (String filter : filters) {
      int eq = filter.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--filter needs COL=VALUE, was " + filter);
      }
      equal.put(filter.substring(0, eq), filter.substring(eq + 1));
    }
    try {
      return info.keysetQuery(key, equal);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--filter " + e.getMessage());
    }
  }

  /** The export's progress: its pipes metered, its COPY run reported, its rows counted. */
  static TableExport.Monitor monitor(Progress progress, Counters counters) {
    return new TableExport.Monitor() {
      @Override
      public <T> dev.sluice.Pipe<T> rows(dev.sluice.Pipe<T> pipe) {
        return progress.on(pipe);
      }

      @Override
      public <T> T copy(dev.sluice.CheckedSupplier<T> work) throws Exception {
        return progress.around(work);
      }

      @Override
      public void written(long rows) {
        counters.rows.addAndGet(rows);
      }
    };
  }
}
