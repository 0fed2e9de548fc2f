package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice fetch}, {@code sluice sse} and {@code sluice relay} against loopback servers. */
class HttpCommandsTest {
  @TempDir Path dir;

  static String page(int from) {
    String next = from < 4 ? "\"/api?from=" + (from + 2) + "\"" : "null";
    return "{\"data\":[{\"n\":" + from + "},{\"n\":" + (from + 1) + "}],\"next\":" + next + "}";
  }

  @Test
  void fetchWritesEveryItemAsJsonLines() throws Exception {
    try (var server =
        new HttpFakes(
            "/api",
            exchange -> {
              assertThat(exchange.getRequestHeaders().getFirst("X-Token")).isEqualTo("t1");
              String q = exchange.getRequestURI().getQuery();
              int from = q == null ? 0 : Integer.parseInt(q.substring(5));
              HttpFakes.send(exchange, 200, "application/json", page(from));
            })) {
      Path out = dir.resolve("items.jsonl");
      Cli cli =
          Cli.run(
              "fetch",
              server.url("/api"),
              out.toString(),
              "--items",
              "/data",
              "--next",
              "/next",
              "--header",
              "X-Token: t1");
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(Files.readAllLines(out))
          .containsExactly(
              "{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
      assertThat(cli.err()).contains("fetched 6 items");
      Cli csv =
          Cli.run(
              "fetch",
              server.url("/api"),
              "-",
              "--to",
              "csv",
              "--items",
              "/data",
              "--next",
              "/next",
              "--header",
              "X-Token: t1");
      assertThat(csv.code()).as(csv.err()).isZero();
      assertThat(csv.out()).isEqualTo("n\n0\n1\n2\n3\n4\n5\n");
    }
  }

  @Test
  void fetchByCursorStopsAtMaxPages() throws Exception {
    try (var server =
        new HttpFakes(
            "/api",
            exchange -> {
              String q = exchange.getRequestURI().getQuery();
              int from = q == null ? 0 : Integer.parseInt(q.substring("after=".length()));
              HttpFakes.send(
                  exchange,
                  200,
                  "application/json",
                  "{\"items\":[" + from + "],\"cursor\":\"" + (from + 1) + "\"}");
            })) {
      Path out = dir.resolve("items.jsonl");
      Cli cli =
          Cli.run(
              "fetch",
              server.url("/api"),
              out.toString(),
              "--items",
              "/items",
              "--cursor-param",
              "after",
              "--cursor",
              "/cursor",
              "--max-pages",
              "3");
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(Files.readAllLines(out)).containsExactly("0", "1", "2");
    }
  }

  @Test
  void aFailingFetchLeavesNoOutputAndNamesTheUrl() throws Exception {
    try (var server =
        new HttpFakes("/api", exchange -> HttpFakes.send(exchange, 404, "text/plain", "no"))) {
      Path out = dir.resolve("items.jsonl");
      Cli cli = Cli.run("fetch", server.url("/api"), out.toString());
      assertThat(cli.code()).isEqualTo(Main.FAILED);
      assertThat(cli.err())
          .contains(
              "GET " + server.url("/api") + " failed: status 404 on attempt 1 of 5 (not retried)");
      assertThat(out).doesNotExist();
      assertThat(Cli.run("fetch", "ftp://x/y", out.toString()).code()).isEqualTo(Main.USAGE);
    }
  }

  static HttpFakes endlessEvents() throws Exception {
    return endlessEvents(new CountDownLatch(1));
  }

  static HttpFakes endlessEvents(CountDownLatch sentFive) throws Exception {
    return new HttpFakes(
        "/events",
        exchange -> {
          try (OutputStream out = HttpFakes.stream(exchange)) {
            for (int i = 0; ; i++) {
              HttpFakes.write(out, "id: " + i + "\nevent: tick\ndata: line " + i + "\n\n");
              if (i == 5) {
                sentFive.countDown();
              }
              Thread.sleep(i < 3 ? 0 : 20);
            }
          } catch (Exception e) {
            // the client left
          }
        });
  }

  @Test
  void sseRecordsMaxEventsAsJsonLines() throws Exception {
    try (var server = endlessEvents()) {
      Path out = dir.resolve("events.jsonl");
      Cli cli = Cli.run("sse", server.url("/events"), out.toString(), "--max-events", "3");
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(Files.readAllLines(out))
          .containsExactly(
              "{\"id\":\"0\",\"event\":\"tick\",\"data\":\"line 0\"}",
              "{\"id\":\"1\",\"event\":\"tick\",\"data\":\"line 1\"}",
              "{\"id\":\"2\",\"event\":\"tick\",\"data\":\"line 2\"}");
    }
  }

  @Test
  void sseCommitsWhatItReceivedOnSigtermAndExitsZero() throws Exception {
    CountDownLatch sentFive = new CountDownLatch(1);
    try (var server = endlessEvents(sentFive)) {
      Path out = dir.resolve("events.jsonl");
      Path log = dir.resolve("sse.log");
      Process child = HttpFakes.sluice(log, "sse", server.url("/events"), out.toString());
      sentFive.await();
      child.destroy();
      assertThat(child.waitFor()).as(Files.readString(log)).isZero();
      // Every event the child had received is there, in order (how many depends on its speed).
      List<String> lines = Files.readAllLines(out);
      for (int i = 0; i < lines.size(); i++) {
        assertThat(lines.get(i))
            .isEqualTo("{\"id\":\"" + i + "\",\"event\":\"tick\",\"data\":\"line " + i + "\"}");
      }
    }
  }

  @Test
  void relayServesTokensFromTheUpstreamWithTheKeyFromTheEnvironment() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    String[] auth = new String[1];
    try (var upstream =
        new HttpFakes(
            "/v1",
            exchange -> {
              auth[0] = exchange.getRequestHeaders().getFirst("Authorization");
              asked.countDown();
              try (OutputStream out = HttpFakes.stream(exchange)) {
                HttpFakes.write(out, "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n");
                HttpFakes.write(
                    out,
                    "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
              }
            })) {
      Path log = dir.resolve("relay.log");
      List<String> line =
          List.of(
              "relay",
              "--listen",
              "127.0.0.1:0",
              "--upstream",
              upstream.url("/v1/chat"),
              "--api-key-env",
              "SLUICE_TEST_KEY");
      Process child = HttpFakes.sluice(log, "SLUICE_TEST_KEY", "sk-cli-secret", line);
      try {
        String url = null;
        while (url == null) {
          Thread.sleep(20);
          assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
          for (String l : Files.readAllLines(log)) {
            if (l.startsWith("sluice: relay listening on ")) {
              url = l.substring("sluice: relay listening on ".length());
            }
          }
        }
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(url + "relay"))
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.body())
            .contains("event: token\ndata: {\"text\":\"Hi\"}\n\n")
            .contains("event: done\ndata: {\"finish_reason\":\"stop\",\"tokens\":1}\n\n");
        assertThat(auth[0]).isEqualTo("Bearer sk-cli-secret");
      } finally {
        child.destroy();
        child.waitFor();
      }
      assertThat(Files.readString(log)).doesNotContain("sk-cli-secret");
    }
  }
}
