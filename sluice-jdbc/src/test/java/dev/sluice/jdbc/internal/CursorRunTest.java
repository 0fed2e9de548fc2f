package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.TableQuery;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.util.List;
import java.util.stream.IntStream;

class CursorRunTest {
  @EachDatabase
  void streamsEveryRowInKeyOrderAndReturnsTheConnection(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE c (id INT PRIMARY KEY, v VARCHAR(10))",
          engine == Engine.H2
              ? "INSERT INTO c SELECT x, 'v' FROM SYSTEM_RANGE(1, 2500) r(x) ORDER BY x DESC"
              : "INSERT INTO c SELECT x, 'v' FROM generate_series(2500, 1, -1) x");
      TableQuery query = TableQuery.of("c", "id").withFetchSize(100);
      List<Integer> ids = Jdbc.cursor(db.dataSource(), query, r -> r.getInt("id")).toList();
      assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 2500).boxed().toList());
      assertThat(Jdbc.cursor(db.dataSource(), query, r -> r.getInt("id")).take(3).toList())
          .containsExactly(1, 2, 3);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
      try (var c = db.dataSource().getConnection()) {
        assertThat(c.getAutoCommit()).isTrue();
      }
    }
  }

  @EachDatabase
  void readsAnEmptyTable(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE c (id INT PRIMARY KEY)");
      assertThat(Jdbc.cursor(db.dataSource(), TableQuery.of("c"), r -> r.getInt(1)).count())
          .isZero();
    }
  }
}
