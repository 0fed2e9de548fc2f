package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Positioned;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

class KeysetSourceTest {
  record Pair(int a, int b) {}

  @EachDatabase
  void readsEveryRowOnceInKeyOrderForManyTableSizes(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      for (int size : new int[] {0, 1, 10, 33, 99}) {
        String table = "sized_" + size;
        db.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(20))");
        for (int i = size; i >= 1; i--) {
          db.execute("INSERT INTO " + table + " VALUES (" + i * 3 + ", 'n" + i + "')");
        }
        List<Object> ids =
            Jdbc.keyset(db.dataSource(), TableQuery.of(table, "id").withPageSize(10))
                .rows()
                .map(row -> ((Number) row.get("id")).longValue())
                .toList()
                .stream()
                .map(Object.class::cast)
                .toList();
        assertThat(ids)
            .as("table of %d rows", size)
            .containsExactlyElementsOf(
                IntStream.rangeClosed(1, size).mapToObj(i -> (Object) (i * 3L)).toList());
      }
    }
  }

  @EachDatabase
  void compositeKeyWithManyDuplicatesInLeadingColumnLosesAndRepeatsNothing(Engine engine)
      throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE pairs (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b))");
      db.execute(
          engine == Engine.H2
              ? "INSERT INTO pairs SELECT x / 200, MOD(x, 200) FROM SYSTEM_RANGE(0, 999) r(x)"
              : "INSERT INTO pairs SELECT x / 200, x % 200 FROM generate_series(0, 999) x");
      List<Pair> expected = new ArrayList<>();
      for (int x = 0; x < 1000; x++) {
        expected.add(new Pair(x / 200, x % 200));
      }
      for (int pageSize : new int[] {1, 7, 200, 1000, 5000}) {
        List<Pair> read =
            Jdbc.keyset(
                    db.dataSource(),
                    TableQuery.of("pairs", "a", "b").withPageSize(pageSize),
                    RowMapper.toRecord(Pair.class))
                .rows()
                .toList();
        assertThat(read).as("page size %d", pageSize).containsExactlyElementsOf(expected);
      }
    }
  }

  @EachDatabase
  void yieldsWholePagesAndAppliesTheFilterWithBoundParameters(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id INT PRIMARY KEY, status VARCHAR(10))");
      for (int i = 1; i <= 25; i++) {
        db.execute("INSERT INTO users VALUES (" + i + ", '" + (i % 2 == 0 ? "on" : "off") + "')");
      }
      TableQuery query =
          TableQuery.of("users", "id").withWhere("status = ? AND id > ?", "on", 4).withPageSize(4);
      List<List<Map<String, Object>>> pages = Jdbc.keyset(db.dataSource(), query).pages().toList();
      assertThat(pages).extracting(List::size).containsExactly(4, 4, 2);
      assertThat(pages.get(0)).extracting(r -> r.get("id")).containsExactly(6, 8, 10, 12);
      assertThat(pages.get(0).get(0)).containsOnlyKeys("id", "status");
    }
  }

  @EachDatabase
  void rowsInsertedDuringARunAreSeenOnlyAheadOfThePosition(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE live (id INT PRIMARY KEY)");
      for (int i = 10; i <= 100; i += 10) {
        db.execute("INSERT INTO live VALUES (" + i + ")");
      }
      List<Object> seen =
          Jdbc.keyset(db.dataSource(), TableQuery.of("live", "id").withPageSize(3))
              .rows()
              .map(row -> row.get("id"))
              .peek(
                  id -> {
                    if (id.equals(50)) {
                      db.execute("INSERT INTO live VALUES (5)", "INSERT INTO live VALUES (95)");
                    }
                  })
              .toList();
      assertThat(seen).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100);
    }
  }

  @EachDatabase
  void resumesAfterAPositionItReported(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE docs (tenant VARCHAR(10), id BIGINT, PRIMARY KEY (tenant, id))");
      db.execute("INSERT INTO docs VALUES ('a,b', 1), ('a,b', 2), ('c:d', 1), ('c:d', 3)");
      KeysetSource<Map<String, Object>> source =
          Jdbc.keyset(db.dataSource(), TableQuery.of("docs", "tenant", "id").withPageSize(2));
      List<Positioned<Map<String, Object>>> all = source.after(Optional.empty()).toList();
      assertThat(all).hasSize(4);
      List<Object> rest =
          source.after(Optional.of(all.get(1).position())).map(p -> p.item().get("id")).toList();
      assertThat(rest).containsExactly(1L, 3L);
      assertThat(source.after(Optional.of(all.get(3).position())).count()).isZero();
      assertThatThrownBy(() -> source.after(Optional.of("l:1")).count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("'l:1'");
    }
  }

  @EachDatabase
  void returnsEveryConnectionOnEveryWayOut(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE items (id INT PRIMARY KEY)");
      for (int i = 1; i <= 30; i++) {
        db.execute("INSERT INTO items VALUES (" + i + ")");
      }
      for (boolean perRun : new boolean[] {false, true}) {
        TableQuery query =
            TableQuery.of("items", "id").withPageSize(4).withConnectionPerRun(perRun);
        KeysetSource<Map<String, Object>> source = Jdbc.keyset(db.dataSource(), query);
        assertThat(source.rows().count()).isEqualTo(30);
        assertThat(source.rows().take(5).count()).isEqualTo(5);
        assertThatThrownBy(
                () ->
                    source
                        .rows()
                        .peek(
                            r -> {
                              if (r.get("id").equals(9)) {
                                throw new IllegalStateException("boom");
                              }
                            })
                        .count())
            .hasMessage("boom");
        assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
      }
    }
  }

  @EachDatabase
  void offsetReadsTheSameRowsTheSlowWay(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE o (id INT PRIMARY KEY)");
      for (int i = 1; i <= 23; i++) {
        db.execute("INSERT INTO o VALUES (" + i + ")");
      }
      List<Integer> ids =
          Jdbc.offset(db.dataSource(), TableQuery.of("o", "id").withPageSize(5), r -> r.getInt(1))
              .toList();
      assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 23).boxed().toList());
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }
}
