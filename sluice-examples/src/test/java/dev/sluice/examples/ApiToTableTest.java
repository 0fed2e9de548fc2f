package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.examples.ApiToTable.Order;
import dev.sluice.http.HttpException;
import dev.sluice.jdbc.CheckpointedSink;
import dev.sluice.jdbc.Jdbc;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/cookbook/paginated-api-to-table.md: a cursor-paginated JSON API (a real HTTP
 * server on loopback) into a table of the embedded database, 100 rows and the API's position per
 * transaction; a run that fails in the middle is continued by the next one with exactly the rows of
 * an uninterrupted run.
 */
final class ApiToTableTest {
  private static final int ORDERS = 250; // 7 pages of 40 (the last 10), batches of 100

  @TempDir Path dir;
  private HikariDataSource db;
  private FakeOrdersApi api;

  @BeforeEach
  void startTheApiAndCreateTheTable() throws Exception {
    api = new FakeOrdersApi(ORDERS, 40);
    db = Jdbc.embedded(dir.resolve("shop"));
    sql("create table orders (id bigint primary key, customer varchar(20), total decimal(12, 2))");
  }

  @AfterEach
  void stop() {
    db.close();
    api.close();
  }

  @Test
  void aRunThatFailsMidwayIsContinuedFromTheLastCommittedPosition() throws SQLException {
    // region resume
    CheckpointedSink<Order> orders = ApiToTable.ordersTable(db);
    api.down("120"); // the page after order 120 answers 503 to all 5 attempts

    Throwable failed = catchThrowable(() -> ApiToTable.copy(api.uri(), orders));

    assertThat(failed)
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("orders?after=120 failed: status 503 on attempt 5 of 5");
    assertThat(ids()).hasSize(100); // batch 1 committed; 101 to 120 were rolled back
    assertThat(orders.checkpoint().load()) // order 100 is the 20th of the page after 80
        .contains("20 " + api.uri().resolve("/orders?after=80"));

    api.up(); // the API is back: run the same code again
    long written = ApiToTable.copy(api.uri(), orders);

    assertThat(written).isEqualTo(150); // 101 to 250: nothing lost, nothing twice
    assertThat(ids()).isEqualTo(LongStream.rangeClosed(1, 250).boxed().toList());
    // endregion
    assertThat(api.requests())
        .as("the rerun starts at the page of the last commit, not at the first page")
        .containsExactly(
            "",
            "after=40",
            "after=80",
            "after=120",
            "after=120",
            "after=120",
            "after=120",
            "after=120",
            "after=80",
            "after=120",
            "after=160",
            "after=200",
            "after=240");
    assertThat(orders.checkpoint().load()).contains("end");
    assertThat(ApiToTable.copy(api.uri(), orders)).as("a finished job").isZero();
    assertThat(api.requests()).hasSize(13);
  }

  @Test
  void theRowsHoldTheValuesTheApiServed() throws SQLException {
    assertThat(ApiToTable.copy(api.uri(), ApiToTable.ordersTable(db))).isEqualTo(ORDERS);

    List<Order> rows = orders();
    assertThat(rows).hasSize(ORDERS);
    for (Order row : rows) {
      assertThat(row)
          .isEqualTo(new Order(row.id(), "c" + row.id() % 7, FakeOrdersApi.total(row.id())));
    }
    assertThat(rows.get(9).total()).isEqualTo(new BigDecimal("10.10")); // decimals as written
  }

  private List<Long> ids() throws SQLException {
    return orders().stream().map(Order::id).toList();
  }

  private List<Order> orders() throws SQLException {
    List<Order> orders = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select id, customer, total from orders order by id")) {
      while (rows.next()) {
        orders.add(new Order(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3)));
      }
    }
    return orders;
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
