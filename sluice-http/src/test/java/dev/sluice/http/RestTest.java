package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.sluice.Positioned;
import dev.sluice.RetryPolicy;
import dev.sluice.http.internal.Uris;
import dev.sluice.test.VirtualClock;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestTest {
  static final int TOTAL = 10;
  static final int SIZE = 3;
  static final List<String> ALL = IntStream.range(0, TOTAL).mapToObj(i -> "i" + i).toList();
  static final RetryPolicy QUICK =
      RetryPolicy.attempts(3).withBackoff(Duration.ZERO, 1, Duration.ZERO);

  final List<String> requests = new CopyOnWriteArrayList<>();

  /** Items from {@code from}: {"data":[{"name":"i0"},...],"meta":{...}} */
  static String page(int from, String extra) {
    StringBuilder data = new StringBuilder();
    for (int i = from; i < Math.min(TOTAL, from + SIZE); i++) {
      data.append(data.isEmpty() ? "" : ",").append("{\"name\":\"i").append(i).append("\"}");
    }
    return "{\"data\":[" + data + "]" + extra + "}";
  }

  static int param(HttpExchange exchange, String name, int otherwise) {
    return Uris.param(exchange.getRequestURI(), name).map(Integer::parseInt).orElse(otherwise);
  }

  FakeServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
    return new FakeServer(
        "/api",
        exchange -> {
          requests.add(exchange.getRequestURI().toString());
          handler.handle(exchange);
        });
  }

  static List<String> names(List<JsonNode> items) {
    return items.stream().map(n -> n.get("name").asText()).toList();
  }

  static RestSettings.Builder settings() {
    return RestSettings.builder().items("/data").retry(QUICK);
  }

  @Test
  void followsTheLinkHeader() throws Exception {
    try (var server =
        server(
            exchange -> {
              int from = param(exchange, "from", 0);
              if (from + SIZE < TOTAL) {
                exchange
                    .getResponseHeaders()
                    .add(
                        "Link",
                        "</api?from=0>; rel=\"first\", </api?from="
                            + (from + SIZE)
                            + ">; rel=\"next\"");
              }
              FakeServer.send(exchange, 200, "application/json", page(from, ""));
            })) {
      List<JsonNode> items = Rest.items(server.uri("/api"), settings().build()).toList();
      assertThat(names(items)).isEqualTo(ALL);
      assertThat(requests).hasSize(4);
    }
  }

  @Test
  void keepsDecimalsAsWritten() throws Exception {
    try (var server =
        server(
            exchange ->
                FakeServer.send(
                    exchange,
                    200,
                    "application/json",
                    "{\"data\":[{\"price\":19.90,\"big\":12345678901234567.89,\"n\":3}]}"))) {
      JsonNode item = Rest.items(server.uri("/api"), settings().build()).toList().get(0);
      assertThat(item.get("price").decimalValue()).isEqualTo(new java.math.BigDecimal("19.90"));
      assertThat(item.get("big").decimalValue())
          .isEqualTo(new java.math.BigDecimal("12345678901234567.89"));
      assertThat(item.toString())
          .isEqualTo("{\"price\":19.90,\"big\":12345678901234567.89,\"n\":3}");
    }
  }

  @Test
  void followsANextLinkInThePage() throws Exception {
    try (var server =
        server(
            exchange -> {
              int from = param(exchange, "from", 0);
              String next = from + SIZE < TOTAL ? "\"api?from=" + (from + SIZE) + "\"" : "null";
              FakeServer.send(exchange, 200, "application/json", page(from, ",\"next\":" + next));
            })) {
      RestSettings s = settings().pagination(Pagination.nextLink("/next")).build();
      assertThat(names(Rest.items(server.uri("/api"), s).toList())).isEqualTo(ALL);
    }
  }

  @Test
  void sendsTheCursorAsAQueryParameter() throws Exception {
    try (var server =
        server(
            exchange -> {
              int from =
                  Uris.param(exchange.getRequestURI(), "after")
                      .map(c -> Integer.parseInt(c.substring(1)))
                      .orElse(0);
              String next = from + SIZE < TOTAL ? "\"c" + (from + SIZE) + "\"" : "\"\"";
              FakeServer.send(
                  exchange,
                  200,
                  "application/json",
                  page(from, ",\"meta\":{\"cursor\":" + next + "}"));
            })) {
      RestSettings s = settings().pagination(Pagination.cursor("after", "/meta/cursor")).build();
      assertThat(names(Rest.items(server.uri("/api?q=x"), s).toList())).isEqualTo(ALL);
      assertThat(requests)
          .containsExactly(
              "/api?q=x", "/api?q=x&after=c3", "/api?q=x&after=c6", "/api?q=x&after=c9");
    }
  }

  @Test
  void pagesByOffsetUntilAShortPage() throws Exception {
    try (var server =
        server(
            exchange -> {
              assertThat(param(exchange, "limit", -1)).isEqualTo(SIZE);
              FakeServer.send(
                  exchange, 200, "application/json", page(param(exchange, "offset", -1), ""));
            })) {
      RestSettings s = settings().pagination(Pagination.offset("offset", "limit", SIZE)).build();
      assertThat(names(Rest.items(server.uri("/api"), s).toList())).isEqualTo(ALL);
      assertThat(requests).hasSize(4).first().isEqualTo("/api?offset=0&limit=3");
    }
  }

  @Test
  void anEarlyStopFetchesNoFurtherPage() throws Exception {
    try (var server =
        server(
            exchange ->
                FakeServer.send(
                    exchange, 200, "application/json", page(param(exchange, "offset", 0), "")))) {
      RestSettings s = settings().pagination(Pagination.offset("offset", "limit", SIZE)).build();
      assertThat(names(Rest.items(server.uri("/api"), s).take(SIZE).toList())).hasSize(SIZE);
      assertThat(requests).hasSize(1);
    }
  }

  @Test
  void countsConsecutiveFailuresSoEveryPageGetsItsAttempts() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (var server =
        server(
            exchange -> {
              if (calls.getAndIncrement() % 3 < 2) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                FakeServer.send(exchange, calls.get() % 2 == 0 ? 429 : 503, "text/plain", "busy");
                return;
              }
              FakeServer.send(
                  exchange, 200, "application/json", page(param(exchange, "offset", 0), ""));
            })) {
      RestSettings s = settings().pagination(Pagination.offset("offset", "limit", SIZE)).build();
      assertThat(names(Rest.items(server.uri("/api"), s).toList())).isEqualTo(ALL);
      assertThat(calls).hasValue(12);
    }
  }

  @Test
  void failsAfterTheLastAttemptNamingUrlStatusAndAttempt() throws Exception {
    try (var server = server(exchange -> FakeServer.send(exchange, 503, "text/plain", "down"))) {
      assertThatThrownBy(() -> Rest.items(server.uri("/api?x=1"), settings().build()).toList())
          .isInstanceOf(HttpException.class)
          .hasMessage("GET " + server.uri("/api?x=1") + " failed: status 503 on attempt 3 of 3");
      assertThat(requests).hasSize(3);
    }
  }

  @Test
  void doesNotRetryAClientError() throws Exception {
    try (var server = server(exchange -> FakeServer.send(exchange, 404, "text/plain", "no"))) {
      assertThatThrownBy(() -> Rest.items(server.uri("/api"), settings().build()).toList())
          .hasMessageEndingWith("failed: status 404 on attempt 1 of 3 (not retried)");
      assertThat(requests).hasSize(1);
    }
  }

  @Test
  void retriesConnectErrors() throws Exception {
    URI closed;
    try (var server = server(exchange -> {})) {
      closed = server.uri("/api");
    }
    assertThatThrownBy(() -> Rest.items(closed, settings().build()).toList())
        .isInstanceOf(HttpException.class)
        .hasMessageContaining(
            "GET " + closed + " failed on attempt 3 of 3: java.net.ConnectException");
  }

  @Test
  void waitsWhatRetryAfterAsksOnTheSettingsClock() throws Exception {
    VirtualClock clock = new VirtualClock();
    AtomicInteger calls = new AtomicInteger();
    try (var server =
        server(
            exchange -> {
              if (calls.getAndIncrement() == 0) {
                exchange.getResponseHeaders().add("Retry-After", "7");
                FakeServer.send(exchange, 429, "text/plain", "slow down");
              } else {
                FakeServer.send(exchange, 200, "application/json", page(7, ""));
              }
            })) {
      // The policy's own backoff is a day: only Retry-After's 7 s lets the run finish.
      RetryPolicy daily =
          RetryPolicy.attempts(2)
              .withBackoff(Duration.ofDays(1), 1, Duration.ofDays(1))
              .withJitter(0);
      RestSettings s = settings().retry(daily).pagination(Pagination.none()).clock(clock).build();
      List<JsonNode> result = new ArrayList<>();
      Thread run =
          Thread.ofVirtual().start(() -> result.addAll(Rest.items(server.uri("/api"), s).toList()));
      clock.awaitParked(1);
      clock.advance(Duration.ofSeconds(7));
      run.join();
      assertThat(names(result)).containsExactly("i7", "i8", "i9");
    }
  }

  @Test
  void resumesAfterEveryPositionWithExactlyTheRest() throws Exception {
    try (var server =
        server(
            exchange ->
                FakeServer.send(
                    exchange, 200, "application/json", page(param(exchange, "offset", 0), "")))) {
      var source =
          Rest.resumable(
              server.uri("/api"),
              settings().pagination(Pagination.offset("offset", "limit", SIZE)).build());
      List<Positioned<JsonNode>> all = source.after(Optional.empty()).toList();
      assertThat(names(all.stream().map(Positioned::item).toList())).isEqualTo(ALL);
      for (int k = 0; k < all.size(); k++) {
        List<JsonNode> rest =
            source.after(Optional.of(all.get(k).position())).map(Positioned::item).toList();
        assertThat(names(rest))
            .as("after %s", all.get(k).position())
            .isEqualTo(ALL.subList(k + 1, TOTAL));
      }
      assertThat(all.get(TOTAL - 1).position()).isEqualTo("end");
      assertThatThrownBy(() -> source.after(Optional.of("garbage")).toList())
          .hasMessageContaining("not a position of a REST source: 'garbage'");
    }
  }

  @Test
  void endsPageHoldsExactlyForThePositionAfterEachPagesLastItem() throws Exception {
    try (var server =
        server(
            exchange ->
                FakeServer.send(
                    exchange, 200, "application/json", page(param(exchange, "offset", 0), "")))) {
      var source =
          Rest.resumable(
              server.uri("/api"),
              settings().pagination(Pagination.offset("offset", "limit", SIZE)).build());
      List<Positioned<JsonNode>> all = source.after(Optional.empty()).toList();
      for (int k = 0; k < all.size(); k++) {
        assertThat(Rest.endsPage(all.get(k).position()))
            .as("after item %d: %s", k, all.get(k).position())
            .isEqualTo(k % SIZE == SIZE - 1 || k == all.size() - 1);
      }
    }
  }

  @Test
  void failsAPageLargerThanMaxPageBytesNamingTheSetting() throws Exception {
    try (var server =
        server(
            exchange ->
                FakeServer.send(
                    exchange,
                    200,
                    "application/json",
                    "{\"data\":[\"" + "x".repeat(5000) + "\"]}"))) {
      assertThatThrownBy(
              () -> Rest.items(server.uri("/api"), settings().maxPageBytes(1000).build()).toList())
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("larger than maxPageBytes (1000 bytes)");
    }
  }

  @Test
  void stopsAfterMaxPages() throws Exception {
    try (var server =
        server(
            exchange ->
                FakeServer.send(
                    exchange, 200, "application/json", page(param(exchange, "offset", 0), "")))) {
      RestSettings s =
          settings().pagination(Pagination.offset("offset", "limit", SIZE)).maxPages(2).build();
      assertThat(names(Rest.items(server.uri("/api"), s).toList())).isEqualTo(ALL.subList(0, 6));
    }
  }

  @Test
  void settingsListEveryValueButNoHeaderValue() {
    RestSettings s = settings().header("Authorization", "Bearer secret").maxPages(3).build();
    assertThat(s.toString())
        .contains(
            "items='/data'", "pagination=linkHeader", "retry=3 attempts", "connectTimeout=PT10S")
        .contains(
            "requestTimeout=PT30S", "maxRetryAfter=PT10M", "maxPageBytes=67108864", "maxPages=3")
        .contains("headers=[Authorization]", "clock=")
        .doesNotContain("secret");
    assertThatThrownBy(() -> RestSettings.builder().maxPageBytes(0))
        .hasMessage("maxPageBytes must be > 0, was 0");
    assertThatThrownBy(() -> RestSettings.builder().items("data"))
        .hasMessageContaining("items must be a JSON pointer");
  }
}
