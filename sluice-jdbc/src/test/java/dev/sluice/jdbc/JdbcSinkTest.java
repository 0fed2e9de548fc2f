package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.util.List;
import java.util.Map;

class JdbcSinkTest {
  record User(long id, String email) {}

  @EachDatabase
  void insertsInBatchesAndReturnsTheConnection(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(50))");
      JdbcSink<User> sink =
          Jdbc.sink(
              db.dataSource(),
              SinkSettings.insert("users", List.of("id", "email"), "id").withBatchSize(7),
              RowBinder.ofRecord());
      long written = Pipe.range(1, 51).map(i -> new User(i, "u" + i + "@x")).into(sink);
      assertThat(written).isEqualTo(50);
      assertThat(db.query("SELECT COUNT(*), MAX(email) FROM users").get(0))
          .containsExactly(50L, "u9@x");
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @EachDatabase
  void upsertUpdatesRowsWithAnExistingKey(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(50))");
      db.execute("INSERT INTO users VALUES (2, 'old')");
      JdbcSink<Map<String, Object>> sink =
          Jdbc.sink(
              db.dataSource(),
              SinkSettings.upsert("users", List.of("id", "email"), "id").withBatchSize(2),
              RowBinder.ofMap());
      Pipe.<Map<String, Object>>of(Map.of("id", 1L, "email", "a"), Map.of("ID", 2L, "Email", "new"))
          .into(sink);
      assertThat(db.query("SELECT id, email FROM users ORDER BY id"))
          .containsExactly(List.of(1L, "a"), List.of(2L, "new"));
    }
  }

  @EachDatabase
  void anUpsertInsertsEachRowWithANullKeyAndTheLastRowOfAnyOtherKey(Engine engine)
      throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE codes (code VARCHAR(10) UNIQUE, note VARCHAR(10))");
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      for (String[] r :
          new String[][] {{null, "a"}, {"x", "1"}, {null, "b"}, {"x", "2"}, {null, "c"}}) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("code", r[0]);
        row.put("note", r[1]);
        rows.add(row);
      }
      Pipe.from(rows)
          .into(
              Jdbc.sink(
                  db.dataSource(),
                  SinkSettings.upsert("codes", List.of("code", "note"), "code")
                      .withBatchSize(10)
                      .withCopy(false),
                  RowBinder.ofMap()));
      // a unique index holds any number of nulls: none of those rows replaces another
      assertThat(db.query("SELECT code, note FROM codes ORDER BY note"))
          .containsExactly(
              java.util.Arrays.asList("x", "2"),
              java.util.Arrays.asList(null, "a"),
              java.util.Arrays.asList(null, "b"),
              java.util.Arrays.asList(null, "c"));
    }
  }

  @EachDatabase
  void aFailingBatchIsRolledBackAndNamedByItsFirstKey(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(50))");
      db.execute("INSERT INTO users VALUES (13, 'taken')");
      JdbcSink<User> sink =
          Jdbc.sink(
              db.dataSource(),
              SinkSettings.insert("users", List.of("id", "email"), "id").withBatchSize(5),
              RowBinder.ofRecord());
      assertThatThrownBy(() -> Pipe.range(1, 30).map(i -> new User(i, "e" + i)).into(sink))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("batch 3 (rows 11 to 15) into table 'users', first key {id=11}")
          .hasMessageContaining("rolled back");
      assertThat(db.query("SELECT id FROM users ORDER BY id"))
          .extracting(r -> r.get(0))
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 13L);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @EachDatabase
  void aFailedRunDiscardsItsUnfinishedBatch(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(50))");
      JdbcSink<User> sink =
          Jdbc.sink(
              db.dataSource(),
              SinkSettings.insert("users", List.of("id", "email"), "id").withBatchSize(4),
              RowBinder.ofRecord());
      assertThatThrownBy(
              () ->
                  Pipe.range(1, 30)
                      .peek(
                          i -> {
                            if (i == 7) {
                              throw new IllegalStateException("source broke");
                            }
                          })
                      .map(i -> new User(i, "e"))
                      .into(sink))
          .hasMessage("source broke");
      assertThat(db.query("SELECT COUNT(*) FROM users").get(0).get(0)).isEqualTo(4L);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @EachDatabase
  void rejectsUnknownTargetNames(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
      var sink =
          Jdbc.<Map<String, Object>>sink(
              db.dataSource(),
              SinkSettings.insert("users", List.of("id", "x; DROP TABLE users"), "id"),
              RowBinder.ofMap());
      assertThatThrownBy(() -> Pipe.<Map<String, Object>>empty().into(sink))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("no column named 'x; DROP TABLE users' in table users");
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }
}
