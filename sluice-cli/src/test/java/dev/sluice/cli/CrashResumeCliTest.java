package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.io.PartFile;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child {@code sluice export} and {@code sluice import} at random moments, checks
 * that a plain rerun refuses the leftovers, then finishes with {@code --resume} and compares with a
 * clean run: the exported file byte for byte, the imported table row for row.
 */
class CrashResumeCliTest {
  private static final int ROWS = 12_000;
  private static final int KILLS = Integer.getInteger("sluice.crash.kills", 3);
  private static final String BATCH = "100";

  @TempDir Path dir;

  /** Whether the last run of {@link #crash} finished before its kill came. */
  private boolean lastRunFinished;

  @EachDatabase
  void exportResumedAfterKillNineIsByteIdenticalToACleanRun(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db);
      String name = engine == Engine.H2 ? "big.csv.gz" : "big.jsonl";
      Path clean = dir.resolve("clean-" + name);
      Cli cleanRun = ExportImportTest.export(db, clean, "--table", "big", "--batch", BATCH);
      assertThat(cleanRun.code()).as(cleanRun.err()).isZero();
      Path out = dir.resolve(name);
      List<String> args = List.of("--table", "big", "--batch", BATCH, "--resume");
      List<Long> committed =
          crash(
              db,
              "export",
              out,
              args,
              () -> {
                PartFile.Saved saved = PartFile.load(out);
                return saved == null ? 0 : saved.rows();
              });
      if (!lastRunFinished) {
        Cli fresh = ExportImportTest.export(db, out, "--table", "big");
        assertThat(fresh.code()).as("leftovers refused: %s", fresh.err()).isEqualTo(Main.USAGE);
        finish(db, "export", out, args);
      }
      assertThat(Files.mismatch(out, clean)).as("first differing byte").isEqualTo(-1);
      assertThat(PartFile.part(out)).doesNotExist();
      assertThat(PartFile.pos(out)).doesNotExist();
      assertThat(committed).as("rows committed at each kill").anyMatch(n -> n > 0 && n < ROWS);
    }
  }

  @EachDatabase
  void importResumedAfterKillNineEqualsTheSourceTable(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      // PostgreSQL's first run copies the CSV's bytes, so fast that only a bigger file is sure to
      // be killed in the middle (the resumed runs take the row path)
      int rows = engine == Engine.POSTGRES ? 200_000 : ROWS;
      seed(db, rows);
      Path in = dir.resolve(engine == Engine.H2 ? "big.jsonl" : "big.csv");
      assertThat(ExportImportTest.export(db, in, "--table", "big").code()).isZero();
      db.execute("CREATE TABLE copy" + COLUMNS);
      List<String> args = List.of("--table", "copy", "--batch", BATCH, "--resume");
      List<Long> committed =
          crash(
              db,
              "import",
              in,
              args,
              () -> ((Number) db.query("SELECT COUNT(*) FROM copy").get(0).get(0)).longValue(),
              rows);
      if (!lastRunFinished) {
        Cli fresh = ExportImportTest.importFile(db, in, "--table", "copy");
        assertThat(fresh.code()).as("leftovers refused: %s", fresh.err()).isEqualTo(Main.USAGE);
        finish(db, "import", in, args);
      }
      String order = " ORDER BY a, b";
      assertThat(db.query("SELECT * FROM copy" + order))
          .hasSize(rows)
          .isEqualTo(db.query("SELECT * FROM big" + order));
      assertThat(committed).as("rows committed at each kill").anyMatch(n -> n > 0 && n < rows);
    }
  }

  private static final String COLUMNS =
      " (a INT NOT NULL, b INT NOT NULL, payload VARCHAR(60), PRIMARY KEY (a, b))";

  private static void seed(TestDb db) throws Exception {
    seed(db, ROWS);
  }

  private static void seed(TestDb db, int rows) throws Exception {
    String range =
        db.engine() == Engine.H2
            ? "SYSTEM_RANGE(0, " + (rows - 1) + ") r(x)"
            : "generate_series(0, " + (rows - 1) + ") x";
    db.execute(
        "CREATE TABLE big" + COLUMNS,
        "INSERT INTO big SELECT x % 97, x, CASE WHEN x % 11 = 0 THEN NULL"
            + " ELSE CONCAT('row ', x, ', \"q\" ü') END FROM "
            + range);
  }

  /**
   * Starts and kills the child KILLS times, or until a run finishes before its kill; returns the
   * committed rows after each kill.
   */
  private List<Long> crash(
      TestDb db, String command, Path file, List<String> args, Committed committed)
      throws Exception {
    return crash(db, command, file, args, committed, ROWS);
  }

  private List<Long> crash(
      TestDb db, String command, Path file, List<String> args, Committed committed, int total)
      throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Long> rows = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      db.closePool();
      Path log = dir.resolve(command + "-" + kill + ".log");
      long done = rows.isEmpty() ? 0 : rows.get(rows.size() - 1);
      long target = random.nextLong(Math.max(1, (total - done) * 3 / 4));
      Process child = start(db, command, file, args, log);
      ChildCli.awaitRows(child, log, command, target, 30);
      int code = child.destroyForcibly().waitFor();
      rows.add(committed.rows());
      lastRunFinished = code == 0;
      if (lastRunFinished) {
        break; // it finished before the kill (a fast run of the last rows): nothing to resume
      }
    }
    db.closePool();
    System.out.println(
        "crash test: "
            + command
            + " "
            + db.engine()
            + " seed "
            + seed
            + " committed at kills: "
            + rows);
    return rows;
  }

  private void finish(TestDb db, String command, Path file, List<String> args) throws Exception {
    db.closePool();
    Path log = dir.resolve(command + "-last.log");
    Process last = start(db, command, file, args, log);
    assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("final run ended").isTrue();
    assertThat(last.exitValue()).as("final run: %s", Files.readString(log)).isZero();
  }

  private static Process start(TestDb db, String command, Path file, List<String> args, Path log)
      throws Exception {
    List<String> line = new ArrayList<>(List.of(ExportImportTest.command(command, db, file)));
    line.remove("--quiet");
    line.addAll(args);
    return ChildCli.start(line, log);
  }

  @FunctionalInterface
  private interface Committed {
    long rows() throws Exception;
  }
}
