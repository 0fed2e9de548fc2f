package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.QuickStart.Order;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class QuickStartTest {
  @Test
  void shipsEveryShippedOrderAnonymisedInBatchesAndPagesEveryOrder() {
    List<Order> all = new ArrayList<>();
    for (long id = 1; id <= 2500; id++) {
      all.add(new Order(id, id % 5 == 0 ? "shipped" : "open", "user" + id + "@example.com"));
    }
    List<Long> cursors = new ArrayList<>();
    QuickStart.OrderApi api =
        (cursor, limit) -> {
          cursors.add(cursor);
          return all.stream().filter(o -> o.id() > cursor).limit(limit).toList();
        };
    List<List<Order>> stored = new ArrayList<>();

    long[] counts = QuickStart.run(api, stored::add);

    assertThat(counts[0]).as("batches").isEqualTo(1);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).hasSize(500).allMatch(o -> o.email().equals("***"));
    assertThat(counts[1]).as("orders paged").isEqualTo(2500);
    assertThat(cursors).containsExactly(0L, 1000L, 2000L, 2500L, 0L, 1000L, 2000L);
  }
}
