package dev.sluice.examples;

// region quick-start
import dev.sluice.Page;
import dev.sluice.Pipe;
// endregion
import java.io.IOException;
import java.util.List;

/** README.md's quick start: a paginating source written as a loop, and as {@code paginate}. */
public final class QuickStart {
  private QuickStart() {}

  /** An order of the example's API. */
  public record Order(long id, String status, String email) {
    Order anonymised() {
      return new Order(id, status, "***");
    }
  }

  /** The paginated API the quick start reads. */
  public interface OrderApi {
    /** Up to {@code limit} orders with an id greater than {@code cursor}, in id order. */
    List<Order> ordersAfter(long cursor, int limit) throws IOException;
  }

  /** Where the quick start writes. */
  public interface Warehouse {
    /** Stores one batch; blocks until it is stored. */
    void insert(List<Order> batch) throws IOException;
  }

  /** Runs the quick start: the number of shipped orders, then the number of orders paged. */
  static long[] run(OrderApi api, Warehouse warehouse) {
    // region quick-start
    Pipe<Order> orders =
        Pipe.generate(
            out -> { // a source written as plain code
              long cursor = 0;
              while (true) {
                List<Order> page = api.ordersAfter(cursor, 1000); // may block, may throw
                if (page.isEmpty()) return;
                for (Order o : page) out.emit(o); // returns when downstream took it
                cursor = page.get(page.size() - 1).id();
              }
            });

    long shipped =
        orders
            .filter(o -> o.status().equals("shipped"))
            .map(Order::anonymised)
            .batch(500)
            .peek(warehouse::insert) // a blocking call is the backpressure
            .count();

    // The same source as cursor pagination, without writing the loop:
    Pipe<Order> paged =
        Pipe.paginate(
            0L,
            after -> {
              List<Order> page = api.ordersAfter(after, 1000);
              return page.size() < 1000
                  ? Page.last(page)
                  : Page.of(page, page.get(page.size() - 1).id());
            });
    // endregion
    return new long[] {shipped, paged.count()};
  }
}
