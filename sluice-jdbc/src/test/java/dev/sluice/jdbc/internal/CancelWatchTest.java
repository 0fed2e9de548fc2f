package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.TableQuery;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

class CancelWatchTest {
  /** A query that blocks for about a minute: pg_sleep, or a long count in H2. */
  private static TableQuery slow(Engine engine) {
    TableQuery query = TableQuery.of("t", "id");
    return engine == Engine.POSTGRES
        ? query.withWhere("(SELECT true FROM pg_sleep(?))", 60)
        : query.withWhere(
            "(SELECT COUNT(*) FROM SYSTEM_RANGE(1, ?) r(x) WHERE MOD(r.x, 7) = 3) >= 0",
            100_000_000_000L);
  }

  @EachDatabase
  void interruptingTheRunCancelsABlockedKeysetQuery(Engine engine) throws Exception {
    assertCancelledByInterrupt(engine, db -> Jdbc.keyset(db.dataSource(), slow(engine)).rows());
  }

  @EachDatabase
  void interruptingTheRunCancelsABlockedCursorQuery(Engine engine) throws Exception {
    assertCancelledByInterrupt(
        engine, db -> Jdbc.cursor(db.dataSource(), slow(engine), r -> r.getObject(1)));
  }

  @EachDatabase
  void aQueryLongerThanItsTimeoutIsCancelledNamingTheSetting(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
      TableQuery query = slow(engine).withQueryTimeout(Duration.ofMillis(300));
      long start = System.nanoTime();
      Throwable thrown = catchFrom(() -> Jdbc.keyset(db.dataSource(), query).rows().count());
      assertThat(thrown)
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("page 1 of table 't' ran longer than queryTimeout PT0.3S");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  private static void assertCancelledByInterrupt(Engine engine, Function<TestDb, Pipe<?>> pipe)
      throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread runner = new Thread(() -> thrown.set(catchFrom(() -> pipe.apply(db).count())));
      runner.start();
      Thread.sleep(500);
      long start = System.nanoTime();
      runner.interrupt();
      runner.join(Duration.ofSeconds(20));
      assertThat(runner.isAlive()).as("run still blocked").isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(thrown.get()).isInstanceOf(PipeCancelledException.class);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  private static Throwable catchFrom(Runnable run) {
    try {
      run.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
