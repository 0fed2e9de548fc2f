package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row rules shared by convert, export and import: --select, --rename, --infer, --mask. */
class RowRulesCliTest {
  @TempDir Path dir;

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void convertSelectsAndRenamesColumnsByTheInputsNames() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "id,email,age\n1,a@x.org,9\n");
    Cli cli =
        Cli.run(
            "convert",
            path("in.csv"),
            path("o.csv"),
            "--select",
            "email,id",
            "--rename",
            "email=mail",
            "--mask",
            "email",
            "--quiet");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(Files.readString(dir.resolve("o.csv"))).isEqualTo("mail,id\na***@x.org,1\n");
  }

  @Test
  void aHeaderOnlyInputKeepsItsSelectedAndRenamedHeader() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "id,email,age\n");
    Cli cli =
        Cli.run(
            "convert",
            path("in.csv"),
            path("o.csv"),
            "--select",
            "age,id",
            "--rename",
            "id=key",
            "--quiet");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(Files.readString(dir.resolve("o.csv"))).isEqualTo("age,key\n");
  }

  @Test
  void inferWritesNumbersBooleansAndNullsAndIsOffByDefault() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "id,price,ok,zip,note\n1,2.50,true,007,\n");
    Cli typed = Cli.run("convert", path("in.csv"), path("t.jsonl"), "--infer", "--quiet");
    assertThat(typed.code()).as(typed.err()).isZero();
    assertThat(Files.readString(dir.resolve("t.jsonl")))
        .isEqualTo("{\"id\":1,\"price\":2.50,\"ok\":true,\"zip\":\"007\",\"note\":null}\n");
    Cli.run("convert", path("in.csv"), path("s.jsonl"), "--quiet");
    assertThat(Files.readString(dir.resolve("s.jsonl")))
        .isEqualTo(
            "{\"id\":\"1\",\"price\":\"2.50\",\"ok\":\"true\",\"zip\":\"007\",\"note\":\"\"}\n");
    Cli csv = Cli.run("convert", path("in.csv"), path("x.csv"), "--infer", "--quiet");
    assertThat(csv.code()).isEqualTo(Main.USAGE);
    assertThat(csv.err()).contains("--infer is for JSON Lines output");
  }

  @Test
  void aRuleNamingAColumnTheCsvLacksIsAUsageErrorAndWritesNothing() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "id,email\n1,a@x.org\n");
    for (String[] rule :
        new String[][] {{"--mask", "mail"}, {"--select", "id,mail"}, {"--rename", "mail=m"}}) {
      Cli cli = Cli.run("convert", path("in.csv"), path("o.csv"), rule[0], rule[1], "--quiet");
      assertThat(cli.code()).as(cli.err()).isEqualTo(Main.USAGE);
      assertThat(cli.err()).contains("no column mail in [id, email]");
      assertThat(dir.resolve("o.csv")).doesNotExist();
    }
  }

  @EachDatabase
  void exportAndImportTakeTheSameRules(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(40), status VARCHAR(9))",
          "INSERT INTO users VALUES (1, 'alice@example.com', 'active'), (2, 'b@x.io', 'gone'),"
              + " (3, 'carol@example.com', 'active')",
          "CREATE TABLE masked (id INT PRIMARY KEY, mail VARCHAR(40))");
      Path csv = dir.resolve("users.csv");
      Cli export =
          ExportImportTest.export(
              db,
              csv,
              "--table",
              "users",
              "--where",
              "status=active",
              "--mask",
              "email",
              "--select",
              "id,email");
      assertThat(export.code()).as(export.err()).isZero();
      assertThat(Files.readString(csv))
          .isEqualTo("id,email\n1,a***@example.com\n3,c***@example.com\n");
      Path jsonl = dir.resolve("users.jsonl");
      ExportImportTest.export(
          db, jsonl, "--table", "users", "--hash", "email", "--rename", "status=s");
      assertThat(Files.readString(jsonl))
          .startsWith(
              "{\"id\":1,\"email\":\""
                  + Cli.sha256("alice@example.com")
                  + "\",\"s\":\"active\"}\n");

      Cli imported =
          ExportImportTest.importFile(
              db, csv, "--table", "masked", "--rename", "email=mail", "--where", "id>1");
      assertThat(imported.code()).as(imported.err()).isZero();
      assertThat(db.query("SELECT id, mail FROM masked ORDER BY id"))
          .containsExactly(java.util.List.of(3, "c***@example.com"));
    }
  }

  @Test
  void convertSkipsBadRowsIntoADeadLetterFile() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "id,v\n1,a\n2,b,extra\n3,c\n");
    Cli cli =
        Cli.run(
            "convert",
            path("in.csv"),
            path("o.jsonl"),
            "--skip-bad-rows",
            path("bad.jsonl"),
            "--quiet");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(Files.readString(dir.resolve("o.jsonl")))
        .isEqualTo("{\"id\":\"1\",\"v\":\"a\"}\n{\"id\":\"3\",\"v\":\"c\"}\n");
    assertThat(Files.readString(dir.resolve("bad.jsonl")))
        .startsWith("{\"input\":\"" + path("in.csv").replace("\\", "\\\\") + "\",\"line\":3,");
    assertThat(cli.err()).contains("skipped 1 bad rows");
    Cli without = Cli.run("convert", path("in.csv"), path("p.jsonl"), "--quiet");
    assertThat(without.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(dir.resolve("p.jsonl")).doesNotExist();
  }

  @EachDatabase
  void importSkipsRowsWhoseValuesDoNotParse(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE n (id INT PRIMARY KEY, v INT)");
      Path csv = Files.writeString(dir.resolve("n.csv"), "id,v\n1,10\n2,ten\n3,30\n");
      Cli cli =
          ExportImportTest.importFile(
              db, csv, "--table", "n", "--skip-bad-rows", path("bad.jsonl"));
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(db.query("SELECT id FROM n ORDER BY id"))
          .extracting(r -> ((Number) r.get(0)).intValue())
          .containsExactly(1, 3);
      assertThat(Files.readString(dir.resolve("bad.jsonl")))
          .contains("\"line\":3")
          .contains("cannot read 'ten' as INTEGER")
          .contains("\"row\":{\"id\":\"2\",\"v\":\"ten\"}");
    }
  }
}
