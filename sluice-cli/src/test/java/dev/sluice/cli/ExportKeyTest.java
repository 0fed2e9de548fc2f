package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --key} refuses a key that is not a NOT NULL unique key, as a usage error. */
class ExportKeyTest {
  @TempDir Path dir;

  private static void seed(TestDb db) throws Exception {
    db.execute(
        "CREATE TABLE seven (id INT PRIMARY KEY, grp INT NOT NULL, code INT NOT NULL, note INT)",
        "CREATE UNIQUE INDEX seven_code ON seven (code)");
    db.execute(
        db.engine() == Engine.H2
            ? "INSERT INTO seven SELECT x, x / 700, 7000 - x, x FROM SYSTEM_RANGE(0, 6999) r(x)"
            : "INSERT INTO seven SELECT x, x / 700, 7000 - x, x FROM generate_series(0, 6999) x");
  }

  @EachDatabase
  void aNonUniqueKeyIsAUsageErrorNamingTheUniqueKeys(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db);
      Path out = dir.resolve("seven.csv");
      Cli run = ExportImportTest.export(db, out, "--table", "seven", "--key", "grp");
      assertThat(run.code()).as(run.err()).isEqualTo(Main.USAGE);
      assertThat(run.err())
          .contains("key [grp] of table 'seven' cannot page a keyset")
          .contains("[id]")
          .contains("[code]")
          .contains("--key");
      assertThat(out).doesNotExist();
    }
  }

  @EachDatabase
  void aNullableKeyIsAUsageError(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db);
      Cli run =
          ExportImportTest.export(db, dir.resolve("n.csv"), "--table", "seven", "--key", "note");
      assertThat(run.code()).as(run.err()).isEqualTo(Main.USAGE);
      assertThat(run.err()).contains("key [note] of table 'seven'");
    }
  }

  @EachDatabase
  void aUniqueIndexKeyExportsEveryRow(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db);
      Path out = dir.resolve("code.csv");
      Cli run =
          ExportImportTest.export(db, out, "--table", "seven", "--key", "code", "--batch", "1000");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(Files.readAllLines(out)).hasSize(7001);
    }
  }
}
