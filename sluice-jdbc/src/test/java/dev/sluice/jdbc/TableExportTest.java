package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.FileFormat;
import dev.sluice.io.PartFile;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.PostgresExtension;
import dev.sluice.jdbc.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TableExport}: on PostgreSQL a CSV export by COPY writes the bytes of the row path, for
 * every supported type, in both line-end settings, plain and gzip, whole and resumed.
 */
@ExtendWith(PostgresExtension.class)
class TableExportTest {
  private static final String TABLE =
      "CREATE TABLE every (id BIGINT PRIMARY KEY, t TEXT, v VARCHAR(40), c CHAR(6), i2 SMALLINT,"
          + " i4 INT, n NUMERIC(12,3), nu NUMERIC, f4 REAL, f8 DOUBLE PRECISION, b BOOLEAN,"
          + " d DATE, ts TIMESTAMP, tz TIMESTAMPTZ, tm TIME, u UUID, j JSON, jb JSONB, by BYTEA)";

  /** Rows covering NULLs, empty text, quoting, formula-like cells, non-ASCII and edge values. */
  private static final String ROWS =
      "INSERT INTO every SELECT g,"
          + " (ARRAY['plain', '', NULL, 'a,b', 'say \"hi\"', 'two' || chr(10) || 'lines',"
          + " 'cr' || chr(13) || 'x', '=HYPERLINK(\"http://x\")', '+1', '-2', '@x', '+1.5e3',"
          + " '-x', chr(9) || 'tab', '#hash', 'ünïcödé ✓', ' spaced ', '1.', '.5', '-.5e-3',"
          + " '''quoted''', '=1', '-'])[1 + g % 22],"
          + " (ARRAY['v', '', NULL, '@sum(1)', 'x,\"y\"', '-1e', '+.', '-1.5E+3', '--1', '-1-',"
          + " '+1e+', '-.e1', '-12,5', '+', '-0', '+.5', '-5.', '1e5', '-1e5x', '-' || chr(13),"
          + " '-1' || chr(10) || '2', '+1\"', '-1 ', '=', '@', chr(13) || 'r'])[1 + g % 26],"
          + " (ARRAY['ab', NULL, '=c', '', '-1', '-1e3', '+x', '@'])[1 + g % 8],"
          + " (g % 7 - 3)::smallint, CASE WHEN g % 9 = 0 THEN NULL ELSE g * 1000 - 500000 END,"
          + " (ARRAY[1.5, -2.25, 0, NULL, 123456789.001])[1 + g % 5],"
          + " (ARRAY[1.50::numeric, -0.001, 1e20, NULL, 'NaN', 12345678901234567890.123456789])"
          + "[1 + g % 6],"
          + " (ARRAY[0.1::real, -1.5, 100, 1e20, 'NaN', '-Infinity', NULL, 3.4028235e38])[1 + g % 8],"
          + " (ARRAY[0.1::float8, 100, 1e-7, 1e22, 'Infinity', '-Infinity', NULL, -0.0, 5e-324])"
          + "[1 + g % 9],"
          + " CASE g % 3 WHEN 0 THEN true WHEN 1 THEN false END,"
          + " DATE '2024-02-29' + g * 37 - 20000,"
          + " (ARRAY[TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 00:00:01',"
          + " TIMESTAMP '1999-12-31 23:59:59.5', TIMESTAMP '2024-06-01 12:30:00.123456',"
          + " TIMESTAMP '2024-06-01 12:30:00.12', NULL, TIMESTAMP '0001-01-01 00:00:00.000001'])"
          + "[1 + g % 7] + g * INTERVAL '17 minutes',"
          + " TIMESTAMPTZ '2024-03-10 15:15:00+02' + g * INTERVAL '1.25 seconds',"
          + " (ARRAY[TIME '00:00', TIME '23:59:59.999999', TIME '12:00:30', NULL, TIME '08:15:00.25'])"
          + "[1 + g % 5],"
          + " CASE WHEN g % 4 = 0 THEN NULL ELSE md5(g::text)::uuid END,"
          + " (ARRAY['{\"a\": 1}', '-1', '\"=x\"', NULL, '[1, \"two\"]', chr(9) || '1'])[1 + g % 6]::json,"
          + " (ARRAY['{\"b\": [1, 2.50]}', '-1.5', '\"x\"', NULL, 'true'])[1 + g % 5]::jsonb,"
          + " (ARRAY['\\x'::bytea, NULL, '\\xdeadbeef', '\\xfbff', '\\xfbedb7',"
          + " decode(repeat('ab', 100), 'hex')])[1 + g % 6]"
          + " FROM generate_series(1, 2000) g";

  @TempDir Path dir;

  @Test
  void copyWritesTheRowPathsBytesForEveryTypeLineEndAndCompression() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(TABLE, ROWS);
      TableInfo info = Jdbc.describe(db.dataSource(), "every");
      assertThat(plan(db, info, CsvWriteSettings.defaults()).reason()).isEmpty();
      for (CsvWriteSettings csv :
          List.of(
              CsvWriteSettings.defaults(),
              CsvWriteSettings.defaults().withCrlf(true),
              CsvWriteSettings.defaults().withFormulaGuard(false),
              CsvWriteSettings.defaults().withFieldSeparator(';').withQuoteCharacter('\''))) {
        for (String name : List.of("every.csv", "every.csv.gz")) {
          byte[] rows = export(db, info, csv, name, false, 300);
          byte[] copy = export(db, info, csv, name, true, 300);
          assertThat(text(name, copy)).as(csv + " " + name).isEqualTo(text(name, rows));
          assertThat(copy).as(csv + " " + name).isEqualTo(rows);
        }
      }
    }
  }

  @Test
  void jsonLinesByCopyAreTheRowPathsBytesForEveryTypeMaskedRenamedAndResumedOnTheRowPath()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          TABLE,
          ROWS,
          "UPDATE every SET t = repeat('long ✓ \"text\" ', 2000) || chr(128512) WHERE id = 7",
          "UPDATE every SET t = chr(1) || chr(31) || chr(127) || chr(8232) || '\\' WHERE id = 8");
      TableInfo info = Jdbc.describe(db.dataSource(), "every");
      for (RowRules rules :
          List.of(
              RowRules.none(),
              RowRules.none()
                  .mask("t")
                  .hash("v")
                  .rename("t", "text \"quoted\"")
                  .rename("i4", "ü"))) {
        for (String name : List.of("every.jsonl", "every.jsonl.gz")) {
          byte[][] out = new byte[2][];
          for (boolean copy : new boolean[] {false, true}) {
            TableExport export =
                exporter(db, info, CsvWriteSettings.defaults(), copy, 300)
                    .withFormat(FileFormat.JSON_LINES)
                    .withRules(rules);
            assertThat(export.copies()).as(rules + " " + name).isEqualTo(copy);
            Path file = dir.resolve((copy ? "copy-" : "rows-") + name);
            Files.deleteIfExists(file);
            assertThat(export.toFile(file, "db", null)).isEqualTo(2000);
            out[copy ? 1 : 0] = Files.readAllBytes(file);
          }
          assertThat(text(name, out[1])).as(rules + " " + name).isEqualTo(text(name, out[0]));
          assertThat(out[1]).isEqualTo(out[0]);
        }
      }
      // a value COPY cannot write: the rest by rows, the same bytes
      db.execute("UPDATE every SET d = 'infinity' WHERE id = 1500");
      byte[][] out = new byte[2][];
      for (boolean copy : new boolean[] {false, true}) {
        Path file = dir.resolve("odd-" + copy + ".jsonl");
        exporter(db, info, CsvWriteSettings.defaults(), copy, 300)
            .withFormat(FileFormat.JSON_LINES)
            .toFile(file, "db", null);
        out[copy ? 1 : 0] = Files.readAllBytes(file);
      }
      assertThat(out[1]).isEqualTo(out[0]);
    }
  }

  @Test
  void masksAndHashesInSqlAreTheRulesMasksAndHashesWithTheGuardOnTop() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE people (id INT PRIMARY KEY, email TEXT, alias VARCHAR(60), note TEXT)",
          "INSERT INTO people SELECT g, (ARRAY['alice@example.com', '@x', 'a@b@c', 'é@x.org',"
              + " '🙂x@y', '', NULL, 'noat', '=a@b', '+@x', '-x@', '@', '@@', 'x@', ' a@b ',"
              + " 'two' || chr(10) || 'l@ines', '#x@y', 'it''s@x', 'a@b,c', '=@x', 'ü@', '''@x', 'q\"u@o'])[1 + g % 23], (ARRAY['bob@x', NULL, '',"
              + " '=1', 'ü', '🙂'])[1 + g % 6], 'n' || g FROM generate_series(1, 500) g");
      TableInfo info = Jdbc.describe(db.dataSource(), "people");
      for (RowRules rules :
          List.of(
              RowRules.none().mask("email").hash("alias"),
              RowRules.none().mask("alias", "email").rename("email", "e"),
              RowRules.none().hash("email").mask("alias"))) {
        for (CsvWriteSettings csv :
            List.of(
                CsvWriteSettings.defaults(),
                CsvWriteSettings.defaults().withFormulaGuard(false).withCrlf(true),
                CsvWriteSettings.defaults().withFieldSeparator('@').withQuoteCharacter('\''))) {
          byte[][] out = new byte[2][];
          for (boolean copy : new boolean[] {false, true}) {
            TableExport export = exporter(db, info, csv, copy, 70).withRules(rules);
            if (rules.selected().isEmpty() && csv.crlf()) {
              // the masked column first, where a leading # is quoted
              export =
                  TableExport.of(
                          db.dataSource(),
                          query(info).withPageSize(70),
                          List.of("email", "id", "alias", "note"))
                      .csv(csv)
                      .withCopy(copy)
                      .withRules(rules);
            }
            assertThat(export.copies()).isEqualTo(copy);
            Path file = dir.resolve("people-" + copy + ".csv");
            Files.deleteIfExists(file);
            assertThat(export.toFile(file, "db", null)).isEqualTo(500);
            out[copy ? 1 : 0] = Files.readAllBytes(file);
          }
          assertThat(new String(out[1], java.nio.charset.StandardCharsets.UTF_8))
              .as(rules + " " + csv)
              .isEqualTo(new String(out[0], java.nio.charset.StandardCharsets.UTF_8))
              .contains(rules.masked().contains("email") ? "a***@example.com" : "n499");
        }
      }
    }
  }

  @Test
  void aRunCutAtACommitAndResumedOnEitherPathGivesTheSameFile() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(TABLE, ROWS);
      TableInfo info = Jdbc.describe(db.dataSource(), "every");
      CsvWriteSettings csv = CsvWriteSettings.defaults();
      for (String name : List.of("cut.csv", "cut.csv.gz")) {
        byte[] whole = export(db, info, csv, name, true, 300);
        // the part file of a run killed in its third chunk: two chunks committed, then a torn tail
        long committed = name.endsWith(".gz") ? memberEnd(whole, 2) : recordsEnd(whole, 1 + 600);
        for (boolean copy : new boolean[] {true, false}) {
          Path out = dir.resolve("resumed-" + copy + "-" + name);
          byte[] part = java.util.Arrays.copyOf(whole, (int) committed + 100);
          Files.write(PartFile.part(out), part);
          Files.writeString(
              PartFile.pos(out),
              "sluice-part-position 1\n"
                  + exporter(db, info, csv, copy, 300).fingerprint("db")
                  + "\n"
                  + committed
                  + "\n600\nl:600\n");
          long rows = exporter(db, info, csv, copy, 300).toFile(out, "db", PartFile.load(out));
          assertThat(rows).isEqualTo(2000);
          assertThat(Files.readAllBytes(out)).as(name + " copy=" + copy).isEqualTo(whole);
        }
      }
    }
  }

  @Test
  void aValueCopyCannotWriteExactlyHandsTheRestToTheRowPath() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          TABLE, ROWS, "UPDATE every SET d = 'infinity', ts = '10000-01-01' WHERE id = 1500");
      TableInfo info = Jdbc.describe(db.dataSource(), "every");
      for (String name : List.of("odd.csv", "odd.csv.gz")) {
        byte[] rows = export(db, info, CsvWriteSettings.defaults(), name, false, 300);
        byte[] copy = export(db, info, CsvWriteSettings.defaults(), name, true, 300);
        assertThat(copy).isEqualTo(rows);
      }
    }
  }

  @Test
  void typesCopyCannotWriteExactlyKeepTheRowPath() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE odd (id INT PRIMARY KEY, span INTERVAL)",
          "INSERT INTO odd VALUES (1, '1 day'), (2, NULL)");
      TableInfo info = Jdbc.describe(db.dataSource(), "odd");
      assertThat(plan(db, info, CsvWriteSettings.defaults()).reason())
          .hasValueSatisfying(r -> assertThat(r).contains("'span'", "interval"));
      assertThat(export(db, info, CsvWriteSettings.defaults(), "odd.csv", true, 1))
          .isEqualTo(export(db, info, CsvWriteSettings.defaults(), "odd.csv", false, 1));
    }
  }

  @Test
  void copiesOnlyCsvWithoutNullTextOrRulesThatNeedValuesAndStreamsTheSameBytes() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(TABLE, ROWS);
      TableInfo info = Jdbc.describe(db.dataSource(), "every");
      TableExport plain = exporter(db, info, CsvWriteSettings.defaults(), true, 300);
      assertThat(plain.copies()).isTrue();
      assertThat(plain.withRules(RowRules.none().rename("t", "text")).copies()).isTrue();
      assertThat(plain.withRules(RowRules.none().mask("t").hash("V")).copies()).isTrue();
      assertThat(plain.withRules(RowRules.none().mask("n")).copies()).isFalse();
      assertThat(plain.withRules(RowRules.none().hash("t").withHashKey(new byte[32])).copies())
          .isFalse();
      assertThat(plain.withRules(RowRules.none().mask("nothere")).copies()).isFalse();
      assertThat(plain.withRules(RowRules.none().withInfer(true)).copies()).isFalse();
      assertThat(plain.withFormat(FileFormat.JSON_LINES).copies()).isTrue();
      assertThat(
              plain
                  .withFormat(FileFormat.JSON_LINES)
                  .withRules(RowRules.none().withInfer(true))
                  .copies())
          .isFalse();
      assertThat(plain.csv(CsvWriteSettings.defaults().withNullText("\\N")).copies()).isFalse();
      assertThat(plain.withCopy(false).copies()).isFalse();

      RowRules renamed = RowRules.none().rename("t", "text");
      long[] counted = {0, 0};
      TableExport.Monitor count =
          new TableExport.Monitor() {
            @Override
            public void written(long rows) {
              counted[0] += rows;
              counted[1]++;
            }
          };
      Path file = dir.resolve("renamed.csv");
      assertThat(plain.withRules(renamed).watchedBy(count).toFile(file, "db", null))
          .isEqualTo(2000);
      assertThat(counted).containsExactly(2000, 7); // a chunk at a time
      Path rows = dir.resolve("renamed-rows.csv");
      plain.withRules(renamed).withCopy(false).toFile(rows, "db", null);
      assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(rows));
      assertThat(Files.readString(file)).startsWith("id,text,v,");

      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      counted[0] = 0;
      counted[1] = 0;
      long written =
          plain
              .withRules(renamed)
              .watchedBy(count)
              .toStream(dev.sluice.io.Output.stream("test", () -> streamed));
      assertThat(written).isEqualTo(2000);
      assertThat(counted).containsExactly(2000, 7); // by COPY, a chunk at a time
      assertThat(streamed.toByteArray()).isEqualTo(Files.readAllBytes(file));

      streamed.reset();
      counted[0] = 0;
      counted[1] = 0;
      plain
          .withRules(renamed)
          .withCopy(false)
          .watchedBy(count)
          .toStream(dev.sluice.io.Output.stream("test", () -> streamed));
      assertThat(counted).containsExactly(2000, 2000); // by rows, a row at a time
      assertThat(streamed.toByteArray()).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void aStreamByCopyWritesOnlyWholeExactChunksAndHandsTheRestToTheRowPath() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          TABLE, ROWS, "UPDATE every SET d = 'infinity', ts = '10000-01-01' WHERE id = 1500");
      TableInfo info = Jdbc.describe(db.dataSource(), "every");
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      java.util.Set<Path> spoolsBefore = spools(tmp);
      TableExport copy = exporter(db, info, CsvWriteSettings.defaults(), true, 300);
      TableExport rows = copy.withCopy(false);
      assertThat(copy.copies()).isTrue();
      byte[] byRows = streamed(rows);
      // chunks 1 to 4 by COPY, chunk 5 (rows 1201 to 1500) not exact: from row 1201 by rows
      assertThat(streamed(copy)).isEqualTo(byRows);
      assertThat(byRows)
          .isEqualTo(export(db, info, CsvWriteSettings.defaults(), "r.csv", false, 300));
      TableExport json = copy.withFormat(FileFormat.JSON_LINES);
      assertThat(json.copies()).isTrue();
      assertThat(streamed(json)).isEqualTo(streamed(json.withCopy(false)));
      db.execute("UPDATE every SET d = '2024-01-01', ts = '2024-01-01' WHERE id = 1500");
      assertThat(streamed(json)).isEqualTo(streamed(json.withCopy(false)));
      assertThat(streamed(copy)).isEqualTo(streamed(rows));
      assertThat(spools(tmp)).isSubsetOf(spoolsBefore); // the spool leaves no file
    }
  }

  private static java.util.Set<Path> spools(Path tmp) throws Exception {
    try (var files = Files.list(tmp)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("sluice-chunk-"))
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  @Test
  void rowsWithNoRulePassAsTheRulesStageWouldWriteThemAndAKeyNotExportedIsLeftOut()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(TABLE, ROWS);
      TableInfo info = Jdbc.describe(db.dataSource(), "every");
      TableExport jsonl =
          exporter(db, info, CsvWriteSettings.defaults(), true, 300)
              .withFormat(FileFormat.JSON_LINES);
      // no rule: rows of the exported columns pass as they are; a select of the same columns
      // (a rule, so through the rules' stage) must write the same bytes, to a stream and a file
      RowRules same = RowRules.none().select(info.columns().toArray(String[]::new));
      assertThat(streamed(jsonl)).isEqualTo(streamed(jsonl.withRules(same)));
      jsonl.toFile(dir.resolve("none.jsonl"), "db", null);
      jsonl.withRules(same).toFile(dir.resolve("same.jsonl"), "db", null);
      assertThat(Files.readAllBytes(dir.resolve("none.jsonl")))
          .isEqualTo(Files.readAllBytes(dir.resolve("same.jsonl")));

      // the key read for paging but not exported: rows of other columns, through the stage
      TableExport noKey =
          TableExport.of(db.dataSource(), query(info).withPageSize(300), List.of("v", "t"))
              .withFormat(FileFormat.JSON_LINES);
      String text = new String(streamed(noKey), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text.lines()).hasSize(2000).allMatch(l -> l.startsWith("{\"v\":"));
      assertThat(text).doesNotContain("\"id\"");
      assertThat(text.lines().findFirst().orElseThrow()).contains(",\"t\":");
    }
  }

  private static byte[] streamed(TableExport export) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.toStream(dev.sluice.io.Output.stream("test", () -> out));
    return out.toByteArray();
  }

  @Test
  void theFingerprintNamesEverythingThatDecidesTheBytes() {
    javax.sql.DataSource none = new org.h2.jdbcx.JdbcDataSource();
    TableExport export =
        TableExport.of(none, TableQuery.of("t", "id").withPageSize(10), List.of("id", "a"));
    String base = export.fingerprint("db");
    assertThat(base)
        .isEqualTo(
            "db t key=[id] columns=[id, a] where=[] batch=10 format=CSV "
                + RowRules.none()
                + " csv="
                + CsvWriteSettings.defaults());
    assertThat(export.withCopy(false).fingerprint("db")).isEqualTo(base);
    for (String other :
        List.of(
            export.fingerprint("db2"),
            export.withFormat(FileFormat.JSON_LINES).fingerprint("db"),
            export.withRules(RowRules.none().mask("a")).fingerprint("db"),
            export.csv(CsvWriteSettings.defaults().withCrlf(true)).fingerprint("db"),
            TableExport.of(none, TableQuery.of("t", "id").withPageSize(11), List.of("id", "a"))
                .fingerprint("db"),
            TableExport.of(none, TableQuery.of("t", "id").withWhere("a = ?", 1), List.of("id"))
                .fingerprint("db"))) {
      assertThat(other).isNotEqualTo(base).doesNotContain("\n");
    }
  }

  private static CopyExport plan(TestDb db, TableInfo info, CsvWriteSettings csv) {
    return CopyExport.plan(
        db.dataSource(),
        query(info),
        info.columns(),
        new CopyExport.Style(
            csv.fieldSeparator(), csv.quoteCharacter(), csv.crlf(), csv.formulaGuard()));
  }

  private static TableQuery query(TableInfo info) {
    return TableQuery.of(info.name(), info.primaryKey().toArray(String[]::new));
  }

  private static TableExport exporter(
      TestDb db, TableInfo info, CsvWriteSettings csv, boolean copy, int batch) {
    return TableExport.of(db.dataSource(), query(info).withPageSize(batch), info.columns())
        .csv(csv)
        .withCopy(copy);
  }

  private byte[] export(
      TestDb db, TableInfo info, CsvWriteSettings csv, String name, boolean copy, int batch)
      throws Exception {
    Path out = dir.resolve((copy ? "copy-" : "rows-") + name);
    Files.deleteIfExists(out);
    exporter(db, info, csv, copy, batch).toFile(out, "db", null);
    return Files.readAllBytes(out);
  }

  /** Where gzip member {@code n} (from 1) of {@code gz} ends. */
  private static long memberEnd(byte[] gz, int n) throws Exception {
    int at = 0;
    for (int member = 0; member < n; member++) {
      at += 10; // the JDK's gzip header, no optional fields
      java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
      inflater.setInput(gz, at, gz.length - at);
      byte[] sink = new byte[1 << 16];
      while (!inflater.finished()) {
        inflater.inflate(sink);
      }
      at = gz.length - inflater.getRemaining() + 8; // the trailer: CRC and size
      inflater.end();
    }
    return at;
  }

  /** Where the first {@code records} CSV records of {@code csv} end (quotes respected). */
  private static long recordsEnd(byte[] csv, int records) {
    boolean quoted = false;
    int seen = 0;
    for (int i = 0; i < csv.length; i++) {
      if (csv[i] == '"') {
        quoted = !quoted;
      } else if (csv[i] == '\n' && !quoted && ++seen == records) {
        return i + 1;
      }
    }
    throw new AssertionError("fewer than " + records + " records");
  }

  private static String text(String name, byte[] bytes) throws Exception {
    if (!name.endsWith(".gz")) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
