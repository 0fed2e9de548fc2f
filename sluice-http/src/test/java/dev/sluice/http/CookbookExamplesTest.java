package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.RetryPolicy;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/cookbook/paginated-api.md, llm-relay.md and websocket-feed.md, compiled and run.
 */
class CookbookExamplesTest {
  @TempDir Path dir;

  // --- paginated-api.md -------------------------------------------------------------------
  static long activeUsersToFile(URI api, String token, Path target) {
    RestSettings settings =
        RestSettings.builder()
            .items("/data")
            .pagination(Pagination.cursor("after", "/meta/next_cursor"))
            .header("Authorization", "Bearer " + token)
            .retry(RetryPolicy.attempts(5))
            .build();
    return Rest.items(api.resolve("/users"), settings)
        .filter(user -> user.path("active").asBoolean())
        .into(JsonLines.sink(Output.file(target)));
  }

  // ----------------------------------------------------------------------------------------

  // --- llm-relay.md -----------------------------------------------------------------------
  static String answer(URI upstream, String apiKey, String prompt) {
    RelaySettings settings =
        RelaySettings.builder(upstream)
            .format(LlmFormat.OPENAI)
            .apiKey(apiKey)
            .model("gpt-4o-mini")
            .build();
    ObjectMapper json = new ObjectMapper();
    JsonNode messages =
        json.createArrayNode()
            .add(json.createObjectNode().put("role", "user").put("content", prompt));
    StringBuilder text = new StringBuilder();
    Relay.events(settings, messages)
        .forEach(
            event -> {
              switch (event.event()) {
                case "token" -> text.append(json.readTree(event.data()).get("text").asText());
                case "error" -> throw new IllegalStateException(event.data());
                default -> {}
              }
            });
    return text.toString();
  }

  static URI serve(RelaySettings settings, List<Relay> started) throws Exception {
    Relay relay = Relay.start(settings); // POST /relay, GET / (the page)
    started.add(relay);
    return relay.uri();
  }

  // ----------------------------------------------------------------------------------------

  // --- websocket-feed.md ------------------------------------------------------------------
  static long ticksToFile(URI feed, Path target, int count) {
    ObjectMapper json = new ObjectMapper();
    return WebSockets.messages(feed, WebSocketSettings.defaults())
        .take(count)
        .map(json::readTree)
        .filter(tick -> tick.path("price").isNumber())
        .into(JsonLines.sink(Output.file(target)));
  }

  // ----------------------------------------------------------------------------------------

  @Test
  void webSocketFeedWithASlowConsumer() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    CountDownLatch closed = new CountDownLatch(1);
    context.setHandler(
        WebSocketUpgradeHandler.from(
            server,
            context,
            container ->
                container.addMapping(
                    "/ticks",
                    (rq, rs, cb) ->
                        new ScriptedEndpoint(
                            session -> {
                              // as fast as the socket takes them: the reader sets the pace
                              for (int i = 0; i < 500 && session.isOpen(); i++) {
                                String tick = "{\"seq\":" + i + ",\"price\":" + (100 + i) + "}";
                                try {
                                  Callback.Completable.with(c -> session.sendText(tick, c)).join();
                                } catch (RuntimeException e) {
                                  return; // the reader left after its ticks
                                }
                              }
                            },
                            closed))));
    server.setHandler(context);
    server.start();
    try {
      URI feed = URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ticks");
      Path target = dir.resolve("ticks.jsonl");
      assertThat(ticksToFile(feed, target, 200)).isEqualTo(200);
      List<String> lines = Files.readAllLines(target);
      assertThat(lines).hasSize(200);
      assertThat(lines.get(0)).isEqualTo("{\"seq\":0,\"price\":100}");
      assertThat(lines.get(199)).isEqualTo("{\"seq\":199,\"price\":299}");
    } finally {
      server.stop();
    }
  }

  @Test
  void paginatedApiToAFile() throws Exception {
    try (var api =
        new FakeServer(
            "/users",
            exchange -> {
              assertThat(exchange.getRequestHeaders().getFirst("Authorization"))
                  .isEqualTo("Bearer t0k");
              boolean first = exchange.getRequestURI().getQuery() == null;
              String body =
                  first
                      ? "{\"data\":[{\"id\":1,\"active\":true},{\"id\":2,\"active\":false}],\"meta\":{\"next_cursor\":\"c2\"}}"
                      : "{\"data\":[{\"id\":3,\"active\":true}],\"meta\":{\"next_cursor\":null}}";
              FakeServer.send(exchange, 200, "application/json", body);
            })) {
      Path target = dir.resolve("users.jsonl");
      assertThat(activeUsersToFile(api.uri("/"), "t0k", target)).isEqualTo(2);
      assertThat(Files.readAllLines(target))
          .containsExactly("{\"id\":1,\"active\":true}", "{\"id\":3,\"active\":true}");
    }
  }

  @Test
  void llmRelay() throws Exception {
    try (var upstream = new FakeLlm(200, FakeLlm.OPENAI, false)) {
      assertThat(answer(upstream.uri(), "sk-x", "Hi")).isEqualTo("Hello, world");
      List<Relay> started = new ArrayList<>();
      URI relay = serve(RelaySettings.builder(upstream.uri()).build(), started);
      try {
        assertThat(relay.getHost()).isEqualTo("127.0.0.1");
      } finally {
        started.forEach(Relay::close);
      }
    }
  }
}
