package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported timestamp with time zone is the same text on machines in any zone, and importing it
 * on a machine in another zone restores the same instant.
 */
class TimeZoneExportTest {
  @TempDir Path dir;

  private static Cli inZone(String zone, String... args) {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try {
      return Cli.run(args);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @EachDatabase
  void exportIsTheSameTextInEveryZoneAndImportKeepsTheInstant(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      String tz = engine == Engine.H2 ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMPTZ";
      for (String table : List.of("ev", "ev_back")) {
        db.execute(
            "CREATE TABLE " + table + " (id INT PRIMARY KEY, at " + tz + ", local_at TIMESTAMP)");
      }
      db.execute(
          "INSERT INTO ev VALUES (1, TIMESTAMP WITH TIME ZONE '2024-03-10 15:15:00+00',"
              + " TIMESTAMP '2024-03-10 15:15:00'), (2, NULL, NULL)");
      db.closePool();
      List<String> texts = new ArrayList<>();
      for (String zone : List.of("America/New_York", "UTC", "Asia/Kolkata")) {
        Path out = dir.resolve(zone.replace('/', '_') + ".csv");
        Cli run = inZone(zone, ExportImportTest.command("export", db, out, "--table", "ev"));
        assertThat(run.code()).as(run.err()).isZero();
        texts.add(Files.readString(out));
      }
      assertThat(texts).containsOnly(texts.get(0));
      assertThat(texts.get(0)).contains("15:15").doesNotContain("20:15").doesNotContain("10:15");
      Cli back =
          inZone(
              "Pacific/Auckland",
              ExportImportTest.command("import", db, dir.resolve("UTC.csv"), "--table", "ev_back"));
      assertThat(back.code()).as(back.err()).isZero();
      assertThat(
              db.query(
                  "SELECT COUNT(*) FROM ev a JOIN ev_back b ON a.id = b.id AND (a.at = b.at OR"
                      + " a.at IS NULL AND b.at IS NULL) AND (a.local_at = b.local_at OR"
                      + " a.local_at IS NULL AND b.local_at IS NULL)"))
          .containsExactly(List.of(2L));
    }
  }
}
