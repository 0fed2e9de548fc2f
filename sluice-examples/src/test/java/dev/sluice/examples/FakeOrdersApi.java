package dev.sluice.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A cursor-paginated orders API on a loopback port (the JDK's HttpServer): {@code GET
 * /orders?after=ID} answers the next {@code pageSize} orders with an id above ID as {@code
 * {"data":[...],"meta":{"next_cursor":"LAST"}}}, without {@code next_cursor} on the last page.
 * Order {@code i} is {@code {"id":i,"customer":"c<i % 7>","total":<i>.<i % 100, two digits>}}. A
 * cursor marked {@link #down} answers 503 with {@code Retry-After: 0}, one marked {@link #hold}
 * never answers, until {@link #up}.
 */
final class FakeOrdersApi implements AutoCloseable {
  private final int orders;
  private final int pageSize;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  FakeOrdersApi(int orders, int pageSize) throws IOException {
    this.orders = orders;
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/orders", this::page);
    server.setExecutor(executor);
    server.start();
  }

  /** The API's root. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The total of order {@code id}, as the API writes it. */
  static BigDecimal total(long id) {
    return new BigDecimal(id + "." + String.format("%02d", id % 100));
  }

  /** From now on the page after {@code cursor} answers 503. */
  void down(String cursor) {
    down.add(cursor);
  }

  /** Every page answers again. */
  void up() {
    down.clear();
    held.clear();
  }

  /**
   * From now on a request for the page after {@code cursor} is held unanswered until the server
   * closes; the latch opens when the first such request arrived.
   */
  CountDownLatch hold(String cursor) {
    return held.computeIfAbsent(cursor, c -> new CountDownLatch(1));
  }

  /** The query of every request so far ({@code after=80}, or "" for the first page), in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void page(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    query = query == null ? "" : query;
    requests.add(query);
    String cursor = query.startsWith("after=") ? query.substring("after=".length()) : "0";
    CountDownLatch arrived = held.get(cursor);
    if (arrived != null) {
      arrived.countDown();
      try {
        new CountDownLatch(1).await(); // until close() interrupts the server's threads
      } catch (InterruptedException e) {
        exchange.close();
        return;
      }
    }
    if (down.contains(cursor)) {
      exchange.getResponseHeaders().set("Retry-After", "0");
      send(exchange, 503, "{\"error\":\"try again\"}");
      return;
    }
    long after = Long.parseLong(cursor);
    long last = Math.min(orders, after + pageSize);
    StringBuilder body = new StringBuilder("{\"data\":[");
    for (long id = after + 1; id <= last; id++) {
      body.append(id == after + 1 ? "" : ",")
          .append("{\"id\":")
          .append(id)
          .append(",\"customer\":\"c")
          .append(id % 7)
          .append("\",\"total\":")
          .append(total(id).toPlainString())
          .append('}');
    }
    body.append("],\"meta\":{").append(last < orders ? "\"next_cursor\":\"" + last + "\"" : "");
    send(exchange, 200, body.append("}}").toString());
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
