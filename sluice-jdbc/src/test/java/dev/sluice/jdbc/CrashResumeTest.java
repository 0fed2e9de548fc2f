package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Kills (SIGKILL) a child JVM running a checkpointed job at random moments, reruns it to the end,
 * and checks the target equals the source: nothing lost, nothing written twice (the target's
 * primary key would fail a duplicate).
 */
class CrashResumeTest {
  private static final int ROWS = 3000;
  private static final int KILLS = Integer.getInteger("sluice.crash.kills", 3);

  @EachDatabase
  void exportToJdbcSinkSurvivesKillNineAtRandomMoments(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(table("src"), table("dst"));
      db.execute(
          "INSERT INTO src SELECT x / 100, x, CONCAT('row ', x) FROM "
              + (engine == Engine.H2
                  ? "SYSTEM_RANGE(0, 2999) r(x)"
                  : "generate_series(0, 2999) x"));
      crashAndResume(db, "dst", List.of("export"));
      assertThat(db.query("SELECT a, b, payload FROM dst ORDER BY a, b"))
          .hasSize(ROWS)
          .isEqualTo(db.query("SELECT a, b, payload FROM src ORDER BY a, b"));
    }
  }

  @EachDatabase
  void importFromFileSurvivesKillNineAtRandomMoments(
      Engine engine, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("rows.csv");
    List<String> lines = new ArrayList<>();
    for (int x = 0; x < ROWS; x++) {
      lines.add(x / 100 + "," + x + ",line " + x);
    }
    Files.write(file, lines);
    try (TestDb db = TestDb.create(engine)) {
      db.execute(table("imported"));
      crashAndResume(db, "imported", List.of("import", file.toString()));
      List<List<Object>> rows = db.query("SELECT a, b, payload FROM imported ORDER BY b");
      assertThat(rows).hasSize(ROWS);
      for (int x = 0; x < ROWS; x++) {
        assertThat(rows.get(x)).containsExactly(x / 100, x, "line " + x);
      }
    }
  }

  private static String table(String name) {
    return "CREATE TABLE "
        + name
        + " (a INT NOT NULL, b INT NOT NULL, payload VARCHAR(40),"
        + " PRIMARY KEY (a, b))";
  }

  private static void crashAndResume(TestDb db, String target, List<String> job) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Long> committedAtKill = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      db.closePool();
      Process child = start(db, job);
      awaitStarted(child, log(db));
      // Past two batches of this run (so something was committed), then a random amount more.
      awaitRows(child, log(db), 2 * CrashJob.BATCH + random.nextInt(ROWS / KILLS / 2));
      child.destroyForcibly().waitFor();
      committedAtKill.add(
          ((Number) db.query("SELECT COUNT(*) FROM " + target).get(0).get(0)).longValue());
    }
    db.closePool();
    Process last = start(db, job);
    assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("final run ended").isTrue();
    assertThat(last.exitValue())
        .as("final run exit (seed %d): %s", seed, Files.readString(log(db)))
        .isZero();
    assertThat(committedAtKill)
        .as("rows committed when each kill landed (seed %d)", seed)
        .anyMatch(n -> n > 0 && n < ROWS);
  }

  private static void awaitStarted(Process child, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (child.isAlive() && !Files.readString(log).contains(CrashJob.STARTED)) {
      assertThat(System.nanoTime() - deadline).as("child started within 30 s").isNegative();
      Thread.sleep(10);
    }
  }

  private static void awaitRows(Process child, Path log, int rows) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (child.isAlive() && rowsDone(Files.readString(log)) < rows) {
      assertThat(System.nanoTime() - deadline)
          .as("child reached %d rows within 60 s", rows)
          .isNegative();
      Thread.sleep(5);
    }
  }

  private static long rowsDone(String log) {
    int at = log.lastIndexOf(CrashJob.ROWS_MARK);
    if (at < 0) {
      return 0;
    }
    int end = log.indexOf('\n', at);
    return end < 0
        ? 0
        : Long.parseLong(log.substring(at + CrashJob.ROWS_MARK.length(), end).strip());
  }

  private static Path log(TestDb db) {
    return Path.of("target", "crash-" + db.engine() + ".log");
  }

  private static Process start(TestDb db, List<String> job) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(
        List.of(
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CrashJob.class.getName(),
            job.get(0),
            db.url(),
            db.user()));
    command.addAll(job.subList(1, job.size()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log(db).toFile())
        .start();
  }
}
