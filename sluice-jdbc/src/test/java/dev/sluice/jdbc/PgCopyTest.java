package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Checkpoints;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.Positioned;
import dev.sluice.Row;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.PostgresExtension;
import dev.sluice.jdbc.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/** COPY chunks out and COPY batches in, on PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class PgCopyTest {
  private static final List<String> COLUMNS = List.of("id", "name", "at", "amount");

  private static void seed(TestDb db, int rows) throws Exception {
    db.execute(
        "CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT, at TIMESTAMPTZ, amount NUMERIC(10,2))",
        "INSERT INTO t SELECT g, CASE g % 5 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN"
            + " 'a,\"b\"' || chr(10) || 'c''' ELSE 'n' || g END, TIMESTAMPTZ '2024-03-10"
            + " 15:15:00+00' + g * INTERVAL '1 minute', g / 7.0 FROM generate_series(1, "
            + rows
            + ") g");
  }

  /** The whole table as one COPY, in UTC: what the chunks must add up to. */
  private static String whole(TestDb db, String select) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
      StringWriter out = new StringWriter();
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv)", out);
      s.execute("RESET TIME ZONE");
      return out.toString();
    }
  }

  private static List<Positioned<PgCopy.Chunk>> chunks(
      TestDb db, TableQuery query, int chunkRows, Optional<String> after) {
    return PgCopy.chunks(db.dataSource(), query, COLUMNS, chunkRows).after(after).toList();
  }

  private static String text(List<Positioned<PgCopy.Chunk>> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(c -> out.writeBytes(c.item().csv()));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void chunksAddUpToOneCopyOfTheTableAndArePositionedByTheirLastKey() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      seed(db, 2500);
      List<Positioned<PgCopy.Chunk>> chunks =
          chunks(db, TableQuery.of("t", "id"), 1000, Optional.empty());
      assertThat(chunks).extracting(c -> c.item().rows()).containsExactly(1000L, 1000L, 500L);
      assertThat(chunks)
          .extracting(Positioned::position)
          .containsExactly("l:1000", "l:2000", "l:2500");
      String all = text(chunks);
      assertThat(all).isEqualTo(whole(db, "SELECT id, name, at, amount FROM t ORDER BY id"));
      assertThat(all).startsWith("1,\"\",2024-03-10 15:16:00+00,0.14\n2,\"a,\"\"b\"\"\nc'\",");
      assertThat(all).contains("\n5,,2024-03-10 15:20:00+00,0.71\n");
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @Test
  void anExactMultipleOfTheChunkSizeEndsWithoutAnEmptyChunkAndAnEmptyTableGivesNone()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      seed(db, 2000);
      assertThat(chunks(db, TableQuery.of("t", "id"), 1000, Optional.empty()))
          .extracting(c -> c.item().rows())
          .containsExactly(1000L, 1000L);
      db.execute("DELETE FROM t");
      assertThat(chunks(db, TableQuery.of("t", "id"), 1000, Optional.empty())).isEmpty();
    }
  }

  @Test
  void chunksEndWhereKeysetPagesEndWhetherTheKeyIsCopiedOrNotAndWithAFilter() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE s (id INT PRIMARY KEY, name TEXT, tag TEXT)",
          "INSERT INTO s SELECT g * 3 - 1000, 'n,\"' || g, CASE WHEN g % 4 = 0 THEN 'x' END"
              + " FROM generate_series(1, 1000) g");
      for (TableQuery query :
          List.of(TableQuery.of("s", "id"), TableQuery.of("s", "id").withWhere("tag IS NULL"))) {
        List<String> pages = new ArrayList<>();
        List<Positioned<Row>> rows =
            Jdbc.keyset(db.dataSource(), query, RowMapper.toRow()).after(Optional.empty()).toList();
        for (int i = 299; i < rows.size(); i += 300) {
          pages.add(rows.get(i).position());
        }
        pages.add(rows.getLast().position());
        for (List<String> columns : List.of(List.of("name", "id"), List.of("name", "tag"))) {
          List<Positioned<PgCopy.Chunk>> chunks =
              PgCopy.chunks(db.dataSource(), query, columns, 300).after(Optional.empty()).toList();
          assertThat(chunks)
              .extracting(Positioned::position)
              .as(query + " " + columns)
              .containsExactlyElementsOf(pages);
          assertThat(chunks.stream().mapToLong(c -> c.item().rows()).sum()).isEqualTo(rows.size());
          assertThat(text(chunks))
              .isEqualTo(
                  whole(
                      db,
                      "SELECT "
                          + String.join(", ", columns)
                          + " FROM s"
                          + (query.where().isBlank() ? "" : " WHERE " + query.where())
                          + " ORDER BY id"));
        }
      }
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @Test
  void aResumedRunContinuesAfterTheSavedChunkAndAcceptsKeysetPositions() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      seed(db, 2500);
      TableQuery query = TableQuery.of("t", "id");
      List<Positioned<PgCopy.Chunk>> all = chunks(db, query, 700, Optional.empty());
      List<Positioned<PgCopy.Chunk>> rest =
          chunks(db, query, 700, Optional.of(all.get(1).position()));
      assertThat(text(all.subList(0, 2)) + text(rest)).isEqualTo(text(all));
      String keysetPosition =
          Jdbc.keyset(db.dataSource(), query)
              .after(Optional.empty())
              .take(1400)
              .toList()
              .get(1399)
              .position();
      assertThat(text(chunks(db, query, 700, Optional.of(keysetPosition)))).isEqualTo(text(rest));
    }
  }

  @Test
  void exportChunksHandsEachChunkWithItsPosition() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      seed(db, 1200);
      List<String> positions = new ArrayList<>();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long rows =
          PgCopy.exportChunks(
              db.dataSource(),
              TableQuery.of("t", "id"),
              COLUMNS,
              500,
              Optional.of("l:100"),
              (csv, n, position) -> {
                out.writeBytes(csv);
                positions.add(n + "@" + position);
              });
      assertThat(rows).isEqualTo(1100);
      assertThat(positions).containsExactly("500@l:600", "500@l:1100", "100@l:1200");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(whole(db, "SELECT id, name, at, amount FROM t WHERE id > 100 ORDER BY id"));
    }
  }

  @Test
  void filterParametersAndCompositeKeysAreWrittenAsSafeLiterals() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE p (a TEXT NOT NULL, b BIGINT NOT NULL, tag TEXT, PRIMARY KEY (a, b))",
          "INSERT INTO p SELECT 'k''' || (g / 100), g, CASE WHEN g % 2 = 0 THEN 'it''s' END"
              + " FROM generate_series(0, 999) g");
      TableQuery query = TableQuery.of("p", "a", "b").withWhere("tag = ? AND b >= ?", "it's", 10L);
      List<Positioned<PgCopy.Chunk>> chunks =
          PgCopy.chunks(db.dataSource(), query, List.of("a", "b", "tag"), 7)
              .after(Optional.empty())
              .toList();
      assertThat(text(chunks))
          .isEqualTo(
              whole(db, "SELECT a, b, tag FROM p WHERE tag = 'it''s' AND b >= 10 ORDER BY a, b"));
      assertThat(chunks.stream().mapToLong(c -> c.item().rows()).sum()).isEqualTo(495);
      TableQuery injected = TableQuery.of("p", "a", "b").withWhere("tag = ?", "x' OR 'a'='a");
      assertThat(
              PgCopy.chunks(db.dataSource(), injected, List.of("a"), 7)
                  .after(Optional.empty())
                  .count())
          .isZero();
    }
  }

  @Test
  void aNonUniqueKeyIsRefused() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      seed(db, 10);
      assertThatThrownBy(() -> chunks(db, TableQuery.of("t", "amount"), 5, Optional.empty()))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("key [amount] of table 't' cannot page a keyset");
    }
  }

  @Test
  void copySinksInsertAndUpsertLikeRowByRowWritesKeepingNullsEmptyStringsAndInstants()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      seed(db, 1000);
      for (String target : List.of("by_copy", "by_rows")) {
        db.execute("CREATE TABLE " + target + " (LIKE t INCLUDING ALL)");
      }
      List<Map<String, Object>> rows =
          Jdbc.keyset(db.dataSource(), TableQuery.of("t", "id")).rows().toList();
      for (boolean copy : List.of(true, false)) {
        String target = copy ? "by_copy" : "by_rows";
        Pipe.from(rows)
            .into(
                Jdbc.sink(
                    db.dataSource(),
                    SinkSettings.insert(target, COLUMNS, "id").withBatchSize(300).withCopy(copy),
                    RowBinder.ofMap()));
        List<Map<String, Object>> updates = new ArrayList<>();
        for (long id = 995; id <= 1005; id++) {
          for (String version : List.of("first", "second")) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("name", version + id);
            row.put("at", null);
            row.put("amount", null);
            updates.add(row);
          }
        }
        Pipe.from(updates)
            .into(
                Jdbc.sink(
                    db.dataSource(),
                    SinkSettings.upsert(target, COLUMNS, "id").withBatchSize(8).withCopy(copy),
                    RowBinder.ofMap()));
      }
      String diff =
          "SELECT COUNT(*) FROM (SELECT * FROM by_copy EXCEPT SELECT * FROM by_rows"
              + " UNION ALL SELECT * FROM by_rows EXCEPT SELECT * FROM by_copy) d";
      assertThat(db.query(diff).get(0).get(0)).isEqualTo(0L);
      assertThat(
              db.query(
                      "SELECT COUNT(*), COUNT(name), SUM(CASE WHEN name = '' THEN 1 ELSE 0 END) FROM by_copy")
                  .get(0))
          .containsExactly(1005L, 807L, 199L);
      assertThat(db.query("SELECT name FROM by_copy WHERE id = 1000").get(0))
          .containsExactly("second1000");
      assertThat(
              db.query("SELECT COUNT(*) FROM by_copy c JOIN t ON c.id = t.id AND c.at = t.at")
                  .get(0))
          .containsExactly(994L);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @Test
  void aCopyUpsertLeavesUnchangedRowsAsTheyAreAndWritesEveryChangeEvenOfScaleNullOrSpacing()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE u (id INT PRIMARY KEY, n NUMERIC, j JSON, s TEXT)",
          "INSERT INTO u VALUES (1, 1.0, '{\"a\": 1}', 'x'), (2, 1.0, '{\"a\": 1}', 'x'),"
              + " (3, 1.0, '{\"a\": 1}', 'x'), (4, 1.0, '{\"a\": 1}', NULL),"
              + " (5, 1.0, '{\"a\": 1}', 'x'), (6, NULL, NULL, NULL)");
      List<List<Object>> before = db.query("SELECT id, xmin::text FROM u ORDER BY id");
      List<Map<String, Object>> rows = new ArrayList<>();
      Object[][] values = {
        {1, new java.math.BigDecimal("1.0"), "{\"a\": 1}", "x"}, // unchanged
        {2, new java.math.BigDecimal("1.00"), "{\"a\": 1}", "x"}, // the same number, new scale
        {3, new java.math.BigDecimal("1.0"), "{\"a\":1}", "x"}, // the same JSON, new spacing
        {4, new java.math.BigDecimal("1.0"), "{\"a\": 1}", "y"}, // NULL to a value
        {5, new java.math.BigDecimal("1.0"), "{\"a\": 1}", null}, // a value to NULL
        {6, null, null, null}, // unchanged, all NULL
        {7, null, null, "new"} // inserted
      };
      for (Object[] v : values) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", v[0]);
        row.put("n", v[1]);
        row.put("j", v[2]);
        row.put("s", v[3]);
        rows.add(row);
      }
      Pipe.from(rows)
          .into(
              Jdbc.sink(
                  db.dataSource(),
                  SinkSettings.upsert("u", List.of("id", "n", "j", "s"), "id").withCopy(true),
                  RowBinder.ofMap()));
      assertThat(db.query("SELECT id, n::text, j::text, s FROM u ORDER BY id"))
          .containsExactly(
              List.of(1, "1.0", "{\"a\": 1}", "x"),
              List.of(2, "1.00", "{\"a\": 1}", "x"),
              List.of(3, "1.0", "{\"a\":1}", "x"),
              List.of(4, "1.0", "{\"a\": 1}", "y"),
              java.util.Arrays.asList(5, "1.0", "{\"a\": 1}", null),
              java.util.Arrays.asList(6, null, null, null),
              java.util.Arrays.asList(7, null, null, "new"));
      List<List<Object>> after = db.query("SELECT id, xmin::text FROM u ORDER BY id");
      for (int i = 0; i < 6; i++) {
        boolean unchanged = i == 0 || i == 5;
        assertThat(after.get(i).get(1).equals(before.get(i).get(1)))
            .as("row %s kept its version", i + 1)
            .isEqualTo(unchanged);
      }
    }
  }

  private static Map<String, Object> row(Object id, Object s) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put("s", s);
    return row;
  }

  private static void upsert(
      TestDb db, String table, List<Map<String, Object>> rows, boolean copy) {
    Pipe.from(rows)
        .into(
            Jdbc.sink(
                db.dataSource(),
                SinkSettings.upsert(table, List.of("id", "s"), "id")
                    .withBatchSize(10_000)
                    .withCopy(copy),
                RowBinder.ofMap()));
  }

  @Test
  void aKeyTwiceInABatchEndsAsItsLastRowWhateverJoinTheServerPicksEvenWhenThatRowChangesNothing()
      throws Exception {
    // MERGE meets a key's rows in the join's order, and a row that changes nothing does nothing;
    // the stage's last arrivals are what it merges, so no order lets an earlier row win
    for (String plan :
        List.of(
            "",
            "enable_nestloop = off, enable_mergejoin = off",
            "enable_nestloop = off, enable_hashjoin = off")) {
      try (TestDb db = TestDb.create(Engine.POSTGRES)) {
        db.execute(
            "CREATE TABLE u (id INT PRIMARY KEY, s TEXT)",
            // more rows than the batch, so that a hash join may hash the stage
            "INSERT INTO u SELECT g, 'old' FROM generate_series(1, 20000) g",
            "ANALYZE u");
        for (String setting : plan.isEmpty() ? new String[0] : plan.split(", ")) {
          db.execute(
              "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET "
                  + setting
                  + "', current_database()); END $$");
        }
        db.closePool();
        List<List<Object>> before = db.query("SELECT id, xmin::text FROM u ORDER BY id");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> added = new ArrayList<>();
        for (int id = 19_001; id <= 20_100; id++) {
          boolean old = id <= 20_000;
          (old ? rows : added).add(row(id, old ? "new" : "first"));
          (old ? rows : added).add(row(id, old ? "old" : "last"));
        }
        upsert(db, "u", rows, true); // keys the table has, each twice, the last as it is
        upsert(db, "u", added, true); // new keys, each twice
        assertThat(db.query("SELECT s, COUNT(*) FROM u GROUP BY s ORDER BY s"))
            .as(plan)
            .containsExactly(List.of("last", 100L), List.of("old", 20_000L));
        assertThat(db.query("SELECT id, xmin::text FROM u WHERE id <= 20000 ORDER BY id"))
            .as("%s: an unchanged row keeps its version", plan)
            .isEqualTo(before);
      }
    }
  }

  @Test
  void rowsWithANullKeyAreEachInsertedByEveryMergeAsRowByRowUpsertsInsertThem() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE FUNCTION same() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'");
      // by MERGE; by ON CONFLICT (a trigger rules MERGE out), sorted as key 1 comes twice; by rows
      for (String t : List.of("merged", "conflicted", "by_rows")) {
        db.execute("CREATE TABLE " + t + " (id INT UNIQUE, s TEXT)");
      }
      db.execute(
          "CREATE TRIGGER conflicted_same BEFORE INSERT ON conflicted"
              + " FOR EACH ROW EXECUTE FUNCTION same()");
      List<Map<String, Object>> rows =
          List.of(row(null, "a"), row(null, "b"), row(1, "x"), row(1, "y"), row(null, "c"));
      upsert(db, "merged", rows, true);
      upsert(db, "conflicted", rows, true);
      upsert(db, "by_rows", rows, false);
      for (String t : List.of("merged", "conflicted", "by_rows")) {
        assertThat(db.query("SELECT id, s FROM " + t + " ORDER BY s"))
            .as(t)
            .containsExactly(
                java.util.Arrays.asList(null, "a"),
                java.util.Arrays.asList(null, "b"),
                java.util.Arrays.asList(null, "c"),
                List.of(1, "y"));
      }
    }
  }

  @Test
  void aCopyUpsertIntoATableWithTriggersMergesAsRowByRowUpsertsDo() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS"
              + " 'BEGIN NEW.s := upper(NEW.s); RETURN NEW; END'");
      for (String t : List.of("by_copy", "by_rows")) {
        db.execute(
            "CREATE TABLE " + t + " (id INT PRIMARY KEY, s TEXT)",
            "INSERT INTO " + t + " VALUES (1, 'one'), (2, 'two')",
            "CREATE TRIGGER "
                + t
                + "_shout BEFORE INSERT ON "
                + t
                + " FOR EACH ROW EXECUTE FUNCTION shout()");
      }
      List<Map<String, Object>> rows = List.of(row(1, "uno"), row(3, "tres"));
      upsert(db, "by_copy", rows, true);
      upsert(db, "by_rows", rows, false);
      // ON CONFLICT fires BEFORE INSERT triggers on the rows it then updates; MERGE would not
      List<List<Object>> expected =
          List.of(List.of(1, "UNO"), List.of(2, "two"), List.of(3, "TRES"));
      assertThat(db.query("SELECT id, s FROM by_rows ORDER BY id")).isEqualTo(expected);
      assertThat(db.query("SELECT id, s FROM by_copy ORDER BY id")).isEqualTo(expected);
    }
  }

  /** Work for a {@link #background} thread. */
  private interface Job {
    void run() throws Exception;
  }

  /** Starts {@code job} on a thread of its own; what it throws goes to {@code thrown}. */
  private static Thread background(AtomicReference<Throwable> thrown, Job job) {
    Thread runner =
        new Thread(
            () -> {
              try {
                job.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    runner.start();
    return runner;
  }

  /** Waits (at most 50 s) until a session of the test's database is in {@code condition}. */
  private static void awaitSession(TestDb db, String condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
    String sessions =
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND " + condition;
    while (db.query(sessions).get(0).get(0).equals(0L)) {
      assertThat(System.nanoTime() - deadline).as(what).isNegative();
      LockSupport.parkNanos(10_000_000);
    }
  }

  @Test
  void aKeyAnotherSessionInsertsDuringTheMergeIsUpdatedAsOnConflictUpdatesIt() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE u (id INT PRIMARY KEY, s TEXT)", "INSERT INTO u VALUES (1, 'old')");
      try (Connection other = java.sql.DriverManager.getConnection(db.url(), db.user(), "");
          Statement s = other.createStatement()) {
        other.setAutoCommit(false);
        s.execute("INSERT INTO u VALUES (5, 'theirs')");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner =
            background(
                thrown,
                () -> upsert(db, "u", List.of(row(1, "new"), row(5, "mine"), row(6, "six")), true));
        // the merge's insert of key 5 waits for the other transaction
        awaitSession(db, "wait_event_type = 'Lock'", "the upsert waits on the lock");
        other.commit(); // MERGE now fails on the key it did not see; ON CONFLICT updates it
        runner.join(Duration.ofSeconds(60));
        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isNull();
      }
      assertThat(db.query("SELECT id, s FROM u ORDER BY id"))
          .containsExactly(List.of(1, "new"), List.of(5, "mine"), List.of(6, "six"));
    }
  }

  @Test
  void interruptingAnUpsertWhileItMergesCancelsTheMergeAndRunsNoOther() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE FUNCTION slow_ok(t TEXT) RETURNS BOOLEAN LANGUAGE plpgsql AS"
              + " 'BEGIN PERFORM pg_sleep(60); RETURN true; END'",
          "CREATE TABLE u (id INT PRIMARY KEY, s TEXT CHECK (slow_ok(s)))");
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread runner = background(thrown, () -> upsert(db, "u", List.of(row(1, "one")), true));
      awaitSession(db, "state = 'active' AND query LIKE 'MERGE INTO%'", "MERGE started");
      runner.interrupt();
      // a cancelled merge is not followed by the ON CONFLICT one, which would sleep a minute
      runner.join(Duration.ofSeconds(40));
      assertThat(runner.isAlive()).as("run still blocked").isFalse();
      assertThat(thrown.get()).isInstanceOf(PipeCancelledException.class);
      assertThat(db.query("SELECT COUNT(*) FROM u").get(0)).containsExactly(0L);
    }
  }

  @Test
  void aFailingCopyBatchIsRolledBackWithItsPositionAndNamesTheBatch() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      seed(db, 100);
      db.execute("CREATE TABLE dst (LIKE t INCLUDING ALL)", "INSERT INTO dst (id) VALUES (55)");
      var sink =
          Jdbc.<Map<String, Object>>sink(
                  db.dataSource(),
                  SinkSettings.insert("dst", COLUMNS, "id").withBatchSize(20),
                  RowBinder.ofMap())
              .checkpointed("copy-job");
      var source = Jdbc.keyset(db.dataSource(), TableQuery.of("t", "id"));
      assertThatThrownBy(() -> Checkpoints.resume(source, sink.checkpoint()).into(sink))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("batch 3 (rows 41 to 60) into table 'dst'");
      assertThat(db.query("SELECT COUNT(*) FROM dst").get(0)).containsExactly(41L);
      assertThat(sink.checkpoint().load()).contains("l:40");
    }
  }

  /** A view whose key reads at once but whose {@code z} column sleeps a minute. */
  private static void slowView(TestDb db) throws Exception {
    db.execute(
        "CREATE TABLE s (id INT PRIMARY KEY)",
        "INSERT INTO s VALUES (1)",
        // STABLE, so the key-only bound query drops the column; the COPY calls it.
        "CREATE FUNCTION sleepy() RETURNS text LANGUAGE plpgsql STABLE AS"
            + " 'BEGIN PERFORM pg_sleep(60); RETURN ''z''; END'",
        "CREATE VIEW slow AS SELECT id, sleepy() AS z FROM s");
  }

  private static Pipe<Positioned<PgCopy.Chunk>> slowCopy(TestDb db, TableQuery query) {
    return PgCopy.chunks(db.dataSource(), query, List.of("id", "z"), 10).after(Optional.empty());
  }

  @Test
  void interruptingTheRunCancelsARunningCopy() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      slowView(db);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread runner = background(thrown, () -> slowCopy(db, TableQuery.of("slow", "id")).count());
      awaitSession(db, "state = 'active' AND query LIKE 'COPY (SELECT%'", "COPY started");
      runner.interrupt();
      runner.join(Duration.ofSeconds(30));
      assertThat(runner.isAlive()).as("run still blocked").isFalse();
      assertThat(thrown.get()).isInstanceOf(PipeCancelledException.class);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @Test
  void aCopyLongerThanTheQueryTimeoutIsCancelledNamingTheSetting() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      slowView(db);
      TableQuery query = TableQuery.of("slow", "id").withQueryTimeout(Duration.ofMillis(300));
      assertThatThrownBy(() -> slowCopy(db, query).count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining(
              "COPY of chunk 1 of table 'slow' ran longer than queryTimeout PT0.3S");
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }
}
