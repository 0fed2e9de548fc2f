package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.http.internal.SseParser;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayTest {
  static final String KEY = "sk-test-SECRET-123";
  static final String PROMPT = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  final HttpClient http = HttpClient.newHttpClient();

  static RelaySettings settings(URI upstream, LlmFormat format) {
    return RelaySettings.builder(upstream).format(format).apiKey(KEY).model("m1").build();
  }

  HttpResponse<InputStream> post(Relay relay, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(relay.uri().resolve("/relay"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  List<ServerSentEvent> relay(Relay relay, String body) throws Exception {
    HttpResponse<InputStream> response = post(relay, body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    SseParser parser = new SseParser(1 << 16, 1 << 16, "relay");
    List<ServerSentEvent> events = new ArrayList<>();
    try (InputStream in = response.body()) {
      byte[] all = in.readAllBytes();
      parser.feed(all, 0, all.length, events::add);
    }
    return events;
  }

  @Test
  void relaysAnOpenAiStreamAsTokensThenDone() throws Exception {
    try (var upstream = new FakeLlm(200, FakeLlm.OPENAI, false);
        var relay = Relay.start(settings(upstream.uri(), LlmFormat.OPENAI))) {
      assertThat(relay(relay, PROMPT))
          .containsExactly(
              ServerSentEvent.of("token", "{\"text\":\"Hello\"}"),
              ServerSentEvent.of("token", "{\"text\":\", \"}"),
              ServerSentEvent.of("token", "{\"text\":\"world\"}"),
              ServerSentEvent.of("done", "{\"finish_reason\":\"stop\",\"tokens\":3}"));
      assertThat(new ObjectMapper().readTree(upstream.bodies.get(0)))
          .isEqualTo(
              new ObjectMapper()
                  .readTree(
                      "{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}"));
      assertThat(upstream.headers.get(0).get("Authorization")).containsExactly("Bearer " + KEY);
    }
  }

  @Test
  void relaysAnAnthropicStreamIgnoringPingsAndUnknownEvents() throws Exception {
    try (var upstream = new FakeLlm(200, FakeLlm.ANTHROPIC, false);
        var relay = Relay.start(settings(upstream.uri(), LlmFormat.ANTHROPIC))) {
      assertThat(relay(relay, PROMPT))
          .containsExactly(
              ServerSentEvent.of("token", "{\"text\":\"Hello\"}"),
              ServerSentEvent.of("token", "{\"text\":\", world\"}"),
              ServerSentEvent.of("done", "{\"finish_reason\":\"end_turn\",\"tokens\":2}"));
      assertThat(new ObjectMapper().readTree(upstream.bodies.get(0)).path("max_tokens").asInt())
          .isEqualTo(1024);
      assertThat(upstream.headers.get(0).get("X-api-key")).containsExactly(KEY);
      assertThat(upstream.headers.get(0).get("Anthropic-version")).containsExactly("2023-06-01");
    }
  }

  @Test
  void anUpstreamErrorEventBecomesAnErrorEvent() throws Exception {
    String stream =
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
            + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
    try (var upstream = new FakeLlm(200, stream, false);
        var relay = Relay.start(settings(upstream.uri(), LlmFormat.ANTHROPIC))) {
      assertThat(relay(relay, PROMPT))
          .containsExactly(
              ServerSentEvent.of("token", "{\"text\":\"Hi\"}"),
              ServerSentEvent.of("error", "{\"message\":\"upstream error: Overloaded\"}"));
    }
  }

  @Test
  void anUpstreamStatusBecomesAnErrorWithoutTheKey() throws Exception {
    String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}";
    try (var upstream = new FakeLlm(401, echo, false);
        var relay = Relay.start(settings(upstream.uri(), LlmFormat.OPENAI))) {
      List<ServerSentEvent> events = relay(relay, PROMPT);
      assertThat(events).hasSize(1);
      assertThat(events.get(0).event()).isEqualTo("error");
      assertThat(events.get(0).data())
          .contains("answered status 401", "Incorrect API key provided: ***")
          .doesNotContain(KEY);
    }
  }

  @Test
  void anUnreachableUpstreamBecomesAnError() throws Exception {
    URI closed;
    try (var upstream = new FakeLlm(200, "", false)) {
      closed = upstream.uri();
    }
    try (var relay = Relay.start(settings(closed, LlmFormat.OPENAI))) {
      List<ServerSentEvent> events = relay(relay, PROMPT);
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.event()).isEqualTo("error");
                assertThat(e.data()).contains("upstream failed: java.net.ConnectException");
              });
    }
  }

  @Test
  void aStreamEndingEarlyBecomesAnError() throws Exception {
    String stream = "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n";
    try (var upstream = new FakeLlm(200, stream, false);
        var relay = Relay.start(settings(upstream.uri(), LlmFormat.OPENAI))) {
      assertThat(relay(relay, PROMPT))
          .containsExactly(
              ServerSentEvent.of("token", "{\"text\":\"Hel\"}"),
              ServerSentEvent.of(
                  "error", "{\"message\":\"upstream stream ended before its end event\"}"));
    }
  }

  @Test
  void aClientThatDisconnectsClosesTheUpstreamRequest() throws Exception {
    try (var upstream =
            new FakeLlm(
                200, FakeLlm.ANTHROPIC.replace("event: message_stop", "event: not_yet"), true);
        var relay =
            Relay.start(
                RelaySettings.builder(upstream.uri())
                    .format(LlmFormat.ANTHROPIC)
                    .server(
                        SseServerSettings.builder()
                            .heartbeat(java.time.Duration.ofMillis(20))
                            .build())
                    .build())) {
      HttpResponse<InputStream> response = post(relay, PROMPT);
      try (InputStream in = response.body()) {
        in.readNBytes(10);
      }
      upstream.clientGone.await();
      while (relay.openStreams() > 0) {
        Thread.sleep(1);
      }
    }
  }

  @Test
  void servesThePageAndRejectsBadRequests() throws Exception {
    try (var upstream = new FakeLlm(200, FakeLlm.OPENAI, false);
        var relay = Relay.start(settings(upstream.uri(), LlmFormat.OPENAI))) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(relay.uri()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>Sluice relay</title>", "getReader()");
      assertThat(post(relay, "{\"prompt\":\"x\"}").statusCode()).isEqualTo(400);
      assertThat(post(relay, "not json").statusCode()).isEqualTo(400);
      assertThat(upstream.bodies).isEmpty();
    }
  }

  @Test
  void eventsRunsOneChatWithoutAServer() throws Exception {
    try (var upstream = new FakeLlm(200, FakeLlm.OPENAI, false)) {
      var messages = new ObjectMapper().readTree(PROMPT).get("messages");
      assertThat(
              Relay.events(settings(upstream.uri(), LlmFormat.OPENAI), messages)
                  .map(ServerSentEvent::event)
                  .toList())
          .containsExactly("token", "token", "token", "done");
    }
  }

  @Test
  void settingsNeverShowTheKey() {
    String text = settings(URI.create("http://127.0.0.1:1/v1"), LlmFormat.OPENAI).toString();
    assertThat(text)
        .contains(
            "apiKey=<set>",
            "model=m1",
            "format=OPENAI",
            "maxTokens=1024",
            "maxRequestBytes=1048576")
        .doesNotContain(KEY);
  }

  @Test
  void joinWaitsUntilAnotherThreadClosesTheRelay() throws Exception {
    Relay relay = Relay.start(settings(URI.create("http://127.0.0.1:9/v1"), LlmFormat.OPENAI));
    Thread closer = Thread.ofVirtual().start(relay::close);
    relay.join();
    URI uri = relay.uri();
    assertThatThrownBy(() -> new java.net.Socket(uri.getHost(), uri.getPort()).close())
        .as("the server stopped before join returned")
        .isInstanceOf(java.net.ConnectException.class);
    closer.join();
    relay.join(); // closed: returns at once
  }
}
