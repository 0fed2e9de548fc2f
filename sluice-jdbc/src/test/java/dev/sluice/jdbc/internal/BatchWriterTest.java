package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.SinkSettings;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

class BatchWriterTest {
  @EachDatabase
  void interruptingTheRunCancelsABatchBlockedOnALock(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      var sink =
          Jdbc.<Map<String, Object>>sink(
              db.dataSource(), SinkSettings.insert("t", List.of("id"), "id"), RowBinder.ofMap());
      try (Connection holder = db.dataSource().getConnection();
          Statement s = holder.createStatement()) {
        holder.setAutoCommit(false);
        s.execute("INSERT INTO t VALUES (1)");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner =
            new Thread(
                () -> {
                  try {
                    Pipe.<Map<String, Object>>of(Map.of("id", 1)).into(sink);
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                });
        runner.start();
        Thread.sleep(200);
        runner.interrupt();
        runner.join(Duration.ofSeconds(20));
        assertThat(runner.isAlive()).as("sink still blocked").isFalse();
        if (engine == Engine.POSTGRES) {
          assertThat(thrown.get()).isInstanceOf(PipeCancelledException.class);
        } else {
          // H2 ignores cancel (and swallows the interrupt) while it waits for a row lock; its
          // LOCK_TIMEOUT ends the wait, and the batch fails naming itself.
          assertThat(thrown.get())
              .isInstanceOf(JdbcException.class)
              .hasMessageContaining("batch 1 (rows 1 to 1) into table 't'");
        }
        holder.rollback();
      }
      assertThat(db.query("SELECT COUNT(*) FROM t").get(0).get(0)).isEqualTo(0L);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }
}
