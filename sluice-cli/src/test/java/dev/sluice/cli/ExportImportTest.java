package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} and {@code import} in-process, on the embedded database and on PostgreSQL. */
class ExportImportTest {
  private static final String TABLE =
      " (a INT NOT NULL, b VARCHAR(20) NOT NULL, txt VARCHAR(200), n NUMERIC(10,2), d DATE,"
          + " PRIMARY KEY (a, b))";

  @TempDir Path dir;

  @EachDatabase
  void exportWritesNullsAsEmptyFieldsAndTextExactlyInCompositeKeyOrder(Engine engine)
      throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db, "items");
      Path csv = dir.resolve("items.csv");
      Cli cli = export(db, csv, "--table", "items", "--batch", "2");
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(Files.readString(csv))
          .isEqualTo(
              """
              a,b,txt,n,d
              1,x,plain,1.50,2024-02-29
              1,y,,,
              2,a,"comma, ""quote""
              line",-3.00,
              2,b,"",0.00,1999-12-31
              3,a,  =1+2 ünïcödé\t ,,
              """);
      Cli some =
          export(
              db,
              dir.resolve("some.jsonl"),
              "--table",
              "ITEMS",
              "--columns",
              "txt,b",
              "--filter",
              "a=2");
      assertThat(some.code()).as(some.err()).isZero();
      assertThat(Files.readAllLines(dir.resolve("some.jsonl")))
          .containsExactly(
              "{\"txt\":\"comma, \\\"quote\\\"\\nline\",\"b\":\"a\"}",
              "{\"txt\":\"\",\"b\":\"b\"}");
    }
  }

  @EachDatabase
  void exportThenImportRoundTripsEveryValue(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db, "items");
      db.execute("CREATE TABLE copy_json" + TABLE, "CREATE TABLE copy_csv" + TABLE);
      for (String ext : List.of("jsonl", "csv.gz")) {
        Path file = dir.resolve("items." + ext);
        assertThat(export(db, file, "--table", "items").code()).isZero();
        String target = ext.equals("jsonl") ? "copy_json" : "copy_csv";
        Cli cli = importFile(db, file, "--table", target, "--batch", "2");
        assertThat(cli.code()).as(cli.err()).isZero();
      }
      String order = " ORDER BY a, b";
      assertThat(db.query("SELECT * FROM copy_json" + order))
          .isEqualTo(db.query("SELECT * FROM items" + order));
      db.execute("UPDATE items SET txt = NULL WHERE txt = ''");
      assertThat(db.query("SELECT * FROM copy_csv" + order))
          .as("CSV reads an empty text as NULL")
          .isEqualTo(db.query("SELECT * FROM items" + order));
    }
  }

  @EachDatabase
  void importWithUpsertKeyUpdatesExistingRowsAndInsertsNewOnes(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(100), active BOOLEAN)",
          "INSERT INTO users VALUES (1, 'old@example.com', FALSE), (2, 'keep@example.com', TRUE)");
      Path csv = dir.resolve("users.csv");
      Files.writeString(csv, "id,email,active\n1,new@example.com,true\n3,three@example.com,\n");
      Cli cli = importFile(db, csv, "--table", "users", "--upsert-key", "id");
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(db.query("SELECT id, email, active FROM users ORDER BY id"))
          .containsExactly(
              List.of(1L, "new@example.com", true),
              List.of(2L, "keep@example.com", true),
              java.util.Arrays.asList(3L, "three@example.com", null));
      assertThat(importFile(db, csv, "--table", "users", "--upsert-key", "id").code())
          .as("idempotent")
          .isZero();
      assertThat(db.query("SELECT COUNT(*) FROM users").get(0).get(0)).isEqualTo(3L);
    }
  }

  @EachDatabase
  void leftoversOfAnInterruptedRunAreRefusedWithoutResume(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seed(db, "items");
      Path out = dir.resolve("items.csv");
      Files.writeString(dir.resolve("items.csv.part"), "half");
      Cli export = export(db, out, "--table", "items");
      assertThat(export.code()).isEqualTo(Main.USAGE);
      assertThat(export.err()).contains("items.csv.part").contains("--resume").contains("remove");
      assertThat(Files.readString(dir.resolve("items.csv.part"))).isEqualTo("half");
      assertThat(out).doesNotExist();
      Cli resumed = export(db, out, "--table", "items", "--resume");
      assertThat(resumed.code()).as(resumed.err()).isZero();
      assertThat(out).content().startsWith("a,b,txt,n,d\n1,x,plain");
      assertThat(dir.resolve("items.csv.part")).doesNotExist();

      db.execute("CREATE TABLE copy" + TABLE);
      Path input = dir.resolve("in.csv");
      Files.writeString(input, "a,b\n7,q\n8,q\n");
      db.execute(
          "CREATE TABLE sluice_checkpoint (job VARCHAR(200) PRIMARY KEY, position VARCHAR(10000),"
              + " committed_at TIMESTAMP)",
          "INSERT INTO sluice_checkpoint VALUES ('import copy "
              + input.toAbsolutePath()
              + "', '1 "
              + dev.sluice.io.FileFingerprint.of(input)
              + "', CURRENT_TIMESTAMP)");
      Cli refused = importFile(db, input, "--table", "copy");
      assertThat(refused.code()).isEqualTo(Main.USAGE);
      assertThat(refused.err()).contains("--resume").contains("DELETE FROM sluice_checkpoint");
      assertThat(db.query("SELECT COUNT(*) FROM copy").get(0).get(0)).isIn(0, 0L);
      Cli cont = importFile(db, input, "--table", "copy", "--resume");
      assertThat(cont.code()).as(cont.err()).isZero();
      assertThat(db.query("SELECT a, b FROM copy")).containsExactly(List.of(8, "q"));
      assertThat(db.query("SELECT COUNT(*) FROM sluice_checkpoint").get(0).get(0)).isIn(0, 0L);
    }
  }

  @EachDatabase
  void errorsNameTheProblemAndNeverThePassword(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      Cli missing = export(db, dir.resolve("x.csv"), "--table", "nope");
      assertThat(missing.code()).isEqualTo(Main.FAILED);
      assertThat(missing.err())
          .contains("nope")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
    for (String url :
        List.of(
            "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2",
            "jdbc:nosuch://u:hunter2@host/db")) {
      Cli cli = Cli.run("export", "--db", url, "--table", "t", dir.resolve("t.csv").toString());
      assertThat(cli.code()).as(cli.err()).isEqualTo(Main.FAILED);
      assertThat(cli.err())
          .startsWith("sluice: ")
          .doesNotContain("hunter2")
          .doesNotContain("\tat ");
    }
  }

  static void seed(TestDb db, String table) throws Exception {
    db.execute(
        "CREATE TABLE " + table + TABLE,
        "INSERT INTO "
            + table
            + " VALUES (2, 'b', '', 0, DATE '1999-12-31'), (1, 'y', NULL, NULL, NULL),"
            + " (3, 'a', '  =1+2 ünïcödé\t ', NULL, NULL),"
            + " (2, 'a', 'comma, \"quote\"\nline', -3, NULL), (1, 'x', 'plain', 1.5, DATE '2024-02-29')");
  }

  static Cli export(TestDb db, Path out, String... args) {
    return Cli.run(command("export", db, out, args));
  }

  static Cli importFile(TestDb db, Path in, String... args) {
    return Cli.run(command("import", db, in, args));
  }

  static String[] command(String name, TestDb db, Path file, String... args) {
    List<String> all = new ArrayList<>(List.of(name, file.toString(), "--db", db.url()));
    all.addAll(List.of("--user", db.user(), "--quiet"));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }
}
