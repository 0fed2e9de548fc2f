package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** {@link Jdbc#pool}: how many connections a job costs the server. */
class JdbcPoolTest {
  @EachDatabase
  void aJobOnOneThreadHoldsOneConnectionAndMoreOpenOnlyWhileBorrowedAtOnce(Engine engine)
      throws Exception {
    try (TestDb db = TestDb.create(engine);
        HikariDataSource pool = Jdbc.pool(db.url(), db.user(), "")) {
      var counts = pool.getHikariPoolMXBean();
      assertThat(counts.getTotalConnections()).as("opened to fail fast, and kept").isEqualTo(1);
      try (Connection borrowed = pool.getConnection()) {
        // HikariCP's housekeeper first runs 100 ms after the start; with one idle connection to
        // keep it would open a second one now
        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        assertThat(counts.getTotalConnections()).isEqualTo(1);
        assertThat(borrowed.isValid(5)).isTrue();
        try (Connection second = pool.getConnection()) {
          assertThat(second.isValid(5)).isTrue();
          assertThat(counts.getTotalConnections()).as("opened on demand").isEqualTo(2);
        }
      }
      assertThat(counts.getIdleConnections()).isEqualTo(2);
    }
  }
}
