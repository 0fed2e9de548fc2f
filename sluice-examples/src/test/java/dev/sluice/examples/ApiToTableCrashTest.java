package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.jdbc.Jdbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/cookbook/paginated-api-to-table.md, "A crash": {@link ApiToTable#copy} in a child JVM killed
 * with SIGKILL while it waits for a page, twice, then run again to the end: the table holds every
 * order once.
 */
final class ApiToTableCrashTest {
  @TempDir Path dir;

  @Test
  void aKilledCopyIsContinuedFromItsLastCommit() throws Exception {
    Path file = dir.resolve("shop");
    try (HikariDataSource db = Jdbc.embedded(file)) {
      sql(
          db,
          "create table orders (id bigint primary key, customer varchar(20), total decimal(12, 2))");
    }
    try (FakeOrdersApi api = new FakeOrdersApi(250, 40)) {
      // killed waiting for the page after 120: batch 1 (1-100) committed, 101-120 not
      killWhileWaitingFor(api, "120", file);
      assertThat(state(file))
          .isEqualTo(new State(100, "20 " + api.uri().resolve("/orders?after=80")));

      // the rerun, killed waiting for the page after 200: batch 2 ended with that page's last item
      api.up();
      killWhileWaitingFor(api, "200", file);
      assertThat(state(file))
          .isEqualTo(new State(200, "0 " + api.uri().resolve("/orders?after=200")));

      api.up();
      try (HikariDataSource db = Jdbc.embedded(file)) {
        assertThat(ApiToTable.copy(api.uri(), ApiToTable.ordersTable(db))).isEqualTo(50);
        assertThat(ids(db)).isEqualTo(LongStream.rangeClosed(1, 250).boxed().toList());
      }
    }
  }

  private record State(int rows, String position) {}

  private State state(Path file) throws Exception {
    try (HikariDataSource db = Jdbc.embedded(file)) {
      return new State(
          ids(db).size(), ApiToTable.ordersTable(db).checkpoint().load().orElse("none"));
    }
  }

  private void killWhileWaitingFor(FakeOrdersApi api, String cursor, Path file) throws Exception {
    CountDownLatch asked = api.hold(cursor);
    Path log = dir.resolve("child-" + cursor + ".log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ApiToTableChild.class.getName(),
                api.uri().toString(),
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      boolean waiting = asked.await(120, TimeUnit.SECONDS);
      assertThat(waiting).as("the child asked for the page after %s: %s", cursor, log).isTrue();
    } finally {
      child.destroyForcibly().waitFor(); // SIGKILL: no finally block, no shutdown hook runs
    }
    assertThat(Files.readString(log)).doesNotContain("copied");
  }

  private static List<Long> ids(HikariDataSource db) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select id from orders order by id")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static void sql(HikariDataSource db, String statement) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
