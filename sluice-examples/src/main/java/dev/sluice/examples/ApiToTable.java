package dev.sluice.examples;

// region class
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Checkpoints;
import dev.sluice.Resumable;
import dev.sluice.RetryPolicy;
import dev.sluice.http.Pagination;
import dev.sluice.http.Rest;
import dev.sluice.http.RestSettings;
import dev.sluice.jdbc.CheckpointedSink;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.SinkSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import javax.sql.DataSource;

public final class ApiToTable {
  /** An order as the API serves it and the table {@code orders} stores it. */
  public record Order(long id, String customer, BigDecimal total) {
    static Order of(JsonNode item) {
      return new Order(
          item.get("id").asLong(), item.get("customer").asText(), item.get("total").decimalValue());
    }
  }

  /** The table, committing 100 rows a transaction with the API's position after them. */
  static CheckpointedSink<Order> ordersTable(DataSource db) {
    SinkSettings insert =
        SinkSettings.insert("orders", List.of("id", "customer", "total"), "id").withBatchSize(100);
    return Jdbc.<Order>sink(db, insert, RowBinder.ofRecord()).checkpointed("orders-from-api");
  }

  /** Copies the orders after the table's checkpoint; returns how many this run wrote. */
  static long copy(URI api, CheckpointedSink<Order> orders) {
    RestSettings settings =
        RestSettings.builder()
            .items("/data")
            .pagination(Pagination.cursor("after", "/meta/next_cursor"))
            .retry(RetryPolicy.attempts(5)) // a page: network errors, 429, 5xx, Retry-After
            .build();
    Resumable<JsonNode> pages = Rest.resumable(api.resolve("/orders"), settings);
    return Checkpoints.resume(pages, orders.checkpoint()) // from the last committed position
        .map(positioned -> positioned.map(Order::of))
        .into(orders);
  }
}
// endregion
