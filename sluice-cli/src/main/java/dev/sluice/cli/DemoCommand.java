package dev.sluice.cli;

import dev.sluice.examples.DemoDatabase;
import dev.sluice.examples.SampleUsers;
import dev.sluice.io.Conversion;
import dev.sluice.io.FileFormat;
import dev.sluice.io.Input;
import dev.sluice.io.Output;
import dev.sluice.io.RowRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice demo}: the main jobs on embedded defaults. Generates a users CSV in a work folder,
 * converts it to JSON Lines with the e-mails masked, and prints rows, MB/s and peak heap; then
 * seeds users and orders into an embedded database there and exports them by keyset pages to JSON
 * Lines, e-mails masked ({@link DemoDatabase}, in sluice-examples).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generates a users CSV, converts it to masked JSON Lines, then seeds and exports a database,"
            + " and prints a summary.")
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "rows to generate (default: ${DEFAULT-VALUE})")
  long rows = 2_000_000;

  @Option(
      names = "--db-users",
      paramLabel = "N",
      description = "users to seed into the embedded database (default: ${DEFAULT-VALUE})")
  long dbUsers = 100_000;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "work folder (default: a sluice-demo folder in the temp dir)")
  Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sluice-demo");

  @Override
  public Integer call() throws Exception {
    if (rows < 0) {
      throw new UsageException("--rows must be >= 0, was " + rows);
    }
    if (dbUsers < 0) {
      throw new UsageException("--db-users must be >= 0, was " + dbUsers);
    }
    Files.createDirectories(dir);
    Path csv = dir.resolve("users.csv");
    Path jsonl = dir.resolve("users.jsonl");
    long start = System.nanoTime();
    System.err.printf("sluice demo: generating %,d users into %s%n", rows, csv);
    SampleUsers.writeCsv(Output.file(csv), rows, 42);
    System.err.printf(
        "sluice demo: generated %.1f MB in %.1f s%n",
        Files.size(csv) / 1048576.0, (System.nanoTime() - start) / 1e9);
    System.err.printf("sluice demo: converting to %s with e-mails masked%n", jsonl);
    Counters counters = new Counters();
    RowRules rules = RowRules.none().mask("email");
    Input in = Input.file(csv);
    long converted;
    Progress progress = Progress.start("demo", counters, in.size(), System.err);
    try {
      converted =
          Conversion.of(FileFormat.CSV, FileFormat.JSON_LINES)
              .withRules(rules)
              .counting(counters.bytesRead, counters.rows)
              .metered(progress)
              .run(in, Output.file(jsonl));
    } finally {
      progress.close();
    }
    System.out.printf("rows: %d%n", converted);
    System.out.printf("output: %s (%.1f MB)%n", jsonl, Files.size(jsonl) / 1048576.0);
    String summary = ConvertCommand.summary(converted, counters);
    DemoDatabase.Result db =
        new DemoDatabase(
                dir, System.err, task -> Progress.elements(task, System.err), progress.interval())
            .run(dbUsers);
    System.out.printf("summary: %s%n", summary);
    System.out.printf(
        Locale.ROOT,
        "database: %,d users and %,d orders seeded, %,d rows exported by keyset pages to %s"
            + " (e-mails masked) in %.1f s%n",
        db.users(),
        db.orders(),
        db.exported(),
        db.usersFile().getFileName(),
        db.seconds());
    return Main.OK;
  }
}
