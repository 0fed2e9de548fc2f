package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.io.CsvRecordBytes;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.RowFile;
import dev.sluice.jdbc.internal.CopyFileIn;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.PostgresExtension;
import dev.sluice.jdbc.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CopyFileIn} through {@link TableImport#run(CsvRecordBytes, dev.sluice.Resumable,
 * TableImport.Rejected, java.util.function.LongConsumer)}: a CSV file's bytes into {@code COPY}
 * make the table the row path makes, and hand the rest to it at the first value or batch they
 * cannot take.
 */
@ExtendWith(PostgresExtension.class)
class CopyFileInTest {
  private static final String TABLE =
      " (id INT PRIMARY KEY, name TEXT, amount NUMERIC(10,2), day DATE, at TIMESTAMP, doc JSON)";
  private static final List<String> FIELDS = List.of("id", "name", "amount", "day", "at", "doc");
  private static final String[] TEXTS = {
    "plain",
    "a,b",
    "say \"hi\"",
    "line1\nline2",
    "crlf\r\nx",
    "é漢字🙂",
    "",
    "\\.",
    "x\n\\.\ny",
    "x\r\n\\.\r\ny",
    " spaced ",
    "#hash",
    "tab\there",
    "\\",
    "'quote'"
  };
  private static final String[] AMOUNTS = {"12.50", "-3", "", "0.01", "99999999.99"};
  private static final String[] DAYS = {"2024-02-29", "", "1999-12-31"};
  private static final String[] ATS = {
    "2024-01-01T10:00:00", "2024-01-01 10:00", "2024-01-01T10:00:00.123456", ""
  };
  private static final String[] DOCS = {"{\"a\": [1, 2]}", "", "[]", "{\"b\":\"c,d\"}"};

  @TempDir Path dir;

  private static String field(Random random, String value) {
    boolean must =
        value.isEmpty()
            ? random.nextBoolean()
            : value.contains(",")
                || value.contains("\"")
                || value.contains("\n")
                || value.contains("\r");
    return must || random.nextInt(10) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  /** A CSV file of {@code rows} seeded random records; {@code odd} replaces some by their index. */
  private Path csv(long seed, int rows, java.util.Map<Integer, String> odd) throws Exception {
    Random random = new Random(seed);
    StringBuilder b = new StringBuilder(String.join(",", FIELDS)).append('\n');
    for (int i = 1; i <= rows; i++) {
      if (odd.containsKey(i)) {
        b.append(odd.get(i)).append('\n');
        continue;
      }
      b.append(i)
          .append(',')
          .append(field(random, TEXTS[random.nextInt(TEXTS.length)]))
          .append(',')
          .append(field(random, AMOUNTS[random.nextInt(AMOUNTS.length)]))
          .append(',')
          .append(field(random, DAYS[random.nextInt(DAYS.length)]))
          .append(',')
          .append(field(random, ATS[random.nextInt(ATS.length)]))
          .append(',')
          .append(field(random, DOCS[random.nextInt(DOCS.length)]))
          .append(random.nextInt(7) == 0 ? "\r\n" : "\n");
      if (random.nextInt(50) == 0) {
        b.append('\n'); // an empty line, which is no record
      }
    }
    Path file = dir.resolve("in-" + seed + ".csv");
    Files.writeString(file, b, StandardCharsets.UTF_8);
    return file;
  }

  private static TableImport into(TestDb db, String table, Path file, int batch) throws Exception {
    return TableImport.of(
            db.dataSource(), Jdbc.describe(db.dataSource(), table), FIELDS, file.toString())
        .withBatchSize(batch);
  }

  /** The bytes path into table by_bytes, checkpointed as {@code job}. */
  private static CopyFileIn copyFileIn(TestDb db, String job, int batch, List<String> key)
      throws Exception {
    TableInfo info = Jdbc.describe(db.dataSource(), "by_bytes");
    int[] types = FIELDS.stream().mapToInt(f -> info.types().get(f)).toArray();
    return CopyFileIn.of(
        db.dataSource(), "by_bytes", FIELDS, types, "sluice_checkpoint", job, batch, key);
  }

  private static long bytesRun(TableImport in, Path file, List<Long> rejected, List<Long> counted)
      throws Exception {
    CsvRecordBytes bytes = CsvRecordBytes.of(file, CsvSettings.defaults(), FIELDS.size()).get();
    return in.run(
        bytes,
        RowFile.csv(file, CsvSettings.defaults()),
        (row, e) -> rejected.add(row.line()),
        counted::add);
  }

  private static long rowRun(TableImport in, Path file, List<Long> rejected) throws Exception {
    return in.run(
        RowFile.csv(file, CsvSettings.defaults()), (row, e) -> rejected.add(row.line()), n -> {});
  }

  private static long difference(TestDb db) throws Exception {
    String a = "SELECT id, name, amount, day, at, doc::text FROM by_bytes";
    String b = "SELECT id, name, amount, day, at, doc::text FROM by_rows";
    return (Long)
        db.query(
                "SELECT count(*) FROM (("
                    + a
                    + " EXCEPT "
                    + b
                    + ") UNION ALL ("
                    + b
                    + " EXCEPT "
                    + a
                    + ")) d")
            .get(0)
            .get(0);
  }

  @Test
  void seededRandomFilesMakeTheTableTheRowPathMakesAndTheBytesTakeThemWhole() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE by_bytes" + TABLE, "CREATE TABLE by_rows" + TABLE);
      for (long seed = 1; seed <= 3; seed++) {
        db.execute("TRUNCATE by_bytes", "TRUNCATE by_rows");
        Path file = csv(seed, 3000, java.util.Map.of());
        CsvRecordBytes bytes = CsvRecordBytes.of(file, CsvSettings.defaults(), 6).get();
        CopyFileIn copy = copyFileIn(db, "job", 700, List.of());
        List<Long> counted = new ArrayList<>();
        assertThat(copy.run(bytes, counted::add)).isEqualTo(new CopyFileIn.Done(3000, true));
        assertThat(counted).containsExactly(700L, 1400L, 2100L, 2800L, 3000L);
        List<Long> rejected = new ArrayList<>();
        assertThat(rowRun(into(db, "by_rows", file, 700), file, rejected)).isEqualTo(3000);
        assertThat(rejected).isEmpty();
        assertThat(difference(db)).as("seed %s", seed).isZero();
        assertThat(db.query("SELECT count(*), count(name), count(doc) FROM by_bytes").get(0))
            .allSatisfy(n -> assertThat((Long) n).isPositive());
      }
    }
  }

  @Test
  void aValueTheBytesCannotTakeHandsTheRestToTheRowPathWhichRejectsAsAlways() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE by_bytes" + TABLE, "CREATE TABLE by_rows" + TABLE);
      // 1e2 parses as a decimal but is not one COPY takes as it is; "abc" is no integer
      Path file =
          csv(
              7,
              3000,
              java.util.Map.of(
                  1234, "1234,x,1e2,,,", 2000, "abc,y,,,,", 2600, "2600,\"x\n\\.\ny\",,,,"));
      List<Long> rejected = new ArrayList<>();
      List<Long> counted = new ArrayList<>();
      long rows = bytesRun(into(db, "by_bytes", file, 500), file, rejected, counted);
      List<Long> rowRejected = new ArrayList<>();
      long rowRows = rowRun(into(db, "by_rows", file, 500), file, rowRejected);
      assertThat(rows).isEqualTo(rowRows).isEqualTo(2999);
      assertThat(rejected).isEqualTo(rowRejected).hasSize(1);
      assertThat(counted).startsWith(500L, 1000L).endsWith(2999L);
      assertThat(difference(db)).isZero();
      assertThat(db.query("SELECT amount FROM by_bytes WHERE id = 1234").get(0))
          .containsExactly(new java.math.BigDecimal("100.00"));
      assertThat(into(db, "by_bytes", file, 500).interrupted()).isEmpty();
      // a line of \. in a quoted field, which psql's \copy would take for the end of its data
      assertThat(db.query("SELECT name FROM by_bytes WHERE id = 2600").get(0))
          .containsExactly("x\n\\.\ny");
    }
  }

  @Test
  void anUpsertByTheBytesMergesAsTheRowPathDoesTheLastRecordOfAKeyWinningInItsBatch()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE by_bytes" + TABLE, "CREATE TABLE by_rows" + TABLE);
      Path first = csv(21, 2000, java.util.Map.of());
      for (String t : List.of("by_bytes", "by_rows")) {
        assertThat(rowRun(into(db, t, first, 500), first, new ArrayList<>())).isEqualTo(2000);
      }
      // the same keys again with other values, each key twice in a row (in one batch, mostly),
      // and new keys: updates, inserts, and rows left as they are
      StringBuilder b = new StringBuilder(String.join(",", FIELDS)).append('\n');
      for (int i = 1; i <= 2600; i++) {
        int id = i <= 2000 ? i : i + 1000;
        if (i % 3 == 0) {
          b.append(id)
              .append(",first,1.00,,,\n")
              .append(id)
              .append(",\"last, \"\"q\"\"\",2.50,,,\n");
        } else if (i % 3 == 1) {
          b.append(id).append(",changed ").append(i).append(",,2024-01-02,2024-01-01T00:00,\n");
        }
      }
      Path updates = dir.resolve("updates.csv");
      Files.writeString(updates, b, StandardCharsets.UTF_8);
      List<Long> counted = new ArrayList<>();
      CopyFileIn copy = copyFileIn(db, "upsert", 500, List.of("id"));
      CsvRecordBytes bytes = CsvRecordBytes.of(updates, CsvSettings.defaults(), 6).get();
      CopyFileIn.Done done = copy.run(bytes, counted::add);
      assertThat(done.clean()).isTrue();
      long rows = done.records();
      long rowRows =
          rowRun(
              into(db, "by_rows", updates, 500).withUpsertKey(List.of("id")),
              updates,
              new ArrayList<>());
      assertThat(rows).isEqualTo(rowRows);
      assertThat(counted).last().isEqualTo(rows);
      assertThat(difference(db)).isZero();
      assertThat(db.query("SELECT name, amount FROM by_bytes WHERE id = 3").get(0))
          .containsExactly("last, \"q\"", new java.math.BigDecimal("2.50"));
      assertThat(db.query("SELECT count(*) FROM by_bytes").get(0).get(0)).isEqualTo(2000L + 400L);
      assertThat(db.query("SELECT count(*) FROM pg_tables WHERE tablename = 'sluice_stage'"))
          .containsExactly(List.of(0L));
    }
  }

  @Test
  void aBatchPostgresRefusesIsDoneAgainByTheRowPathWhichNamesItAndKeepsWhatCommitted()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE by_bytes" + TABLE);
      Path file = csv(9, 3000, java.util.Map.of(1234, "5,a duplicate key,,,,"));
      TableImport in = into(db, "by_bytes", file, 500);
      assertThatThrownBy(() -> bytesRun(in, file, new ArrayList<>(), new ArrayList<>()))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("into table 'by_bytes', first key {id=1001}")
          .hasMessageContaining("Key (id)=(5) already exists");
      assertThat(db.query("SELECT count(*) FROM by_bytes").get(0)).containsExactly(1000L);
      assertThat(in.interrupted()).hasValueSatisfying(p -> assertThat(p).startsWith("1000 "));
      // the rerun resumes by the row path and fails the same way: nothing twice
      assertThatThrownBy(() -> bytesRun(in, file, new ArrayList<>(), new ArrayList<>()))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("into table 'by_bytes'");
      assertThat(db.query("SELECT count(*) FROM by_bytes").get(0)).containsExactly(1000L);
    }
  }

  @Test
  void withNoBatchSizeGivenTheBytesCommitBatchesOfTheirOwnDefaultAndAGivenOneIsUsedByBoth()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE by_bytes" + TABLE);
      Path file = csv(52, 120_000, java.util.Map.of());
      TableImport in =
          TableImport.of(
              db.dataSource(), Jdbc.describe(db.dataSource(), "by_bytes"), FIELDS, file.toString());
      assertThat(in.batchSize()).isEqualTo(SinkSettings.DEFAULT_BATCH_SIZE);
      assertThat(in.copyBatchSize()).isEqualTo(TableImport.DEFAULT_COPY_BATCH_SIZE);
      assertThat(in.withBatchSize(700).copyBatchSize()).isEqualTo(700);
      assertThat(in.withBatchSize(700).batchSize()).isEqualTo(700);
      List<Long> counted = new ArrayList<>();
      assertThat(bytesRun(in, file, new ArrayList<>(), counted)).isEqualTo(120_000);
      assertThat(counted).containsExactly(50_000L, 100_000L, 120_000L);
    }
  }

  @Test
  void aResumeAfterTheBytesPathsCheckpointTakesTheBytesAgainFromThere() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE by_bytes" + TABLE,
          "CREATE TABLE by_rows" + TABLE,
          "ALTER TABLE by_bytes ADD CONSTRAINT early CHECK (id <= 1700)");
      Path file = csv(51, 3000, java.util.Map.of());
      TableImport in = into(db, "by_bytes", file, 500);
      // the fourth batch (1501 to 2000) is refused, and the row path that takes over fails on it
      assertThatThrownBy(() -> bytesRun(in, file, new ArrayList<>(), new ArrayList<>()))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("early");
      assertThat(db.query("SELECT count(*) FROM by_bytes").get(0)).containsExactly(1500L);
      assertThat(in.interrupted()).hasValueSatisfying(p -> assertThat(p).startsWith("1500 +0 at="));
      db.execute("ALTER TABLE by_bytes DROP CONSTRAINT early");
      List<Long> counted = new ArrayList<>();
      assertThat(bytesRun(in, file, new ArrayList<>(), counted)).isEqualTo(1500);
      assertThat(counted).containsExactly(500L, 1000L, 1500L); // on the bytes, a batch at a time
      assertThat(in.interrupted()).isEmpty();
      assertThat(rowRun(into(db, "by_rows", file, 500), file, new ArrayList<>())).isEqualTo(3000);
      assertThat(difference(db)).isZero();
    }
  }

  @Test
  void aRowThatALaterRowOfItsKeyReplacesBreaksNoConstraintOfTheUpsert() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      for (String t : List.of("by_bytes", "by_rows")) {
        db.execute(
            "CREATE TABLE " + t + TABLE,
            "ALTER TABLE " + t + " ADD CONSTRAINT positive CHECK (amount >= 0)",
            "INSERT INTO " + t + " (id, name) VALUES (5, 'old')");
      }
      // key 5 twice in one batch, the first with a value the table refuses: the last one wins, so
      // the first is never written and breaks nothing (the unsorted merge fails, the sorted runs)
      Path file = dir.resolve("twice.csv");
      Files.writeString(
          file,
          String.join(",", FIELDS) + "\n5,first,-1,,,\n5,second,2.00,,,\n6,new,1,,,\n7,x,0,,,\n",
          StandardCharsets.UTF_8);
      List<Long> rejected = new ArrayList<>();
      long rows =
          bytesRun(
              into(db, "by_bytes", file, 500).withUpsertKey(List.of("id")),
              file,
              rejected,
              new ArrayList<>());
      long rowRows =
          rowRun(into(db, "by_rows", file, 500).withUpsertKey(List.of("id")), file, rejected);
      assertThat(rows).isEqualTo(rowRows).isEqualTo(4);
      assertThat(rejected).isEmpty();
      assertThat(db.query("SELECT name, amount FROM by_bytes WHERE id = 5").get(0))
          .containsExactly("second", new java.math.BigDecimal("2.00"));
      assertThat(difference(db)).isZero();
    }
  }
}
