package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.test.RunChecks;
import dev.sluice.test.VirtualClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SseServerTest {
  static final SseSettings CLIENT = SseClientTest.FAST;
  final HttpClient http = HttpClient.newHttpClient();

  static Pipe<ServerSentEvent> blockingUntilInterrupted(
      CountDownLatch started, CountDownLatch closed) {
    return Pipe.using(
        () -> (AutoCloseable) closed::countDown,
        r ->
            Pipe.generate(
                out -> {
                  started.countDown();
                  new CountDownLatch(1).await();
                }));
  }

  static void awaitNoStreams(SseServer server) throws InterruptedException {
    while (server.openStreams() > 0) {
      Thread.sleep(1);
    }
  }

  @Test
  void servesEachClientItsEvents() throws Exception {
    try (SseServer server =
        SseServer.start(
            SseServerSettings.defaults(),
            request ->
                Pipe.range(0, 100)
                    .map(i -> new ServerSentEvent("" + i, "tick", request.path() + "\n" + i)))) {
      List<ServerSentEvent> events =
          Sse.events(server.uri().resolve("/a"), CLIENT).take(100).toList();
      assertThat(events).hasSize(100);
      assertThat(events.get(42)).isEqualTo(new ServerSentEvent("42", "tick", "/a\n42"));
    }
  }

  @Test
  void passesLastEventIdToTheFeedOnReconnect() throws Exception {
    try (SseServer server =
        SseServer.start(
            SseServerSettings.defaults(),
            request -> {
              int from =
                  request.lastEventId().isEmpty() ? 0 : Integer.parseInt(request.lastEventId()) + 1;
              return Pipe.range(from, from + 2)
                  .map(i -> new ServerSentEvent("" + i, "message", "e" + i));
            })) {
      List<String> data =
          Sse.events(server.uri(), CLIENT).take(6).map(ServerSentEvent::data).toList();
      assertThat(data).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
    }
  }

  @Test
  void sendsAHeartbeatEveryIntervalOnTheClock() throws Exception {
    VirtualClock clock = new VirtualClock();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    SseServerSettings settings =
        SseServerSettings.builder().heartbeat(Duration.ofSeconds(15)).clock(clock).build();
    try (SseServer server =
        SseServer.start(settings, r -> blockingUntilInterrupted(started, closed))) {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(server.uri()).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      try (InputStream in = response.body()) {
        assertThat(new String(in.readNBytes(3), StandardCharsets.UTF_8)).isEqualTo(":\n\n");
        started.await();
        clock.awaitParked(1);
        clock.advance(Duration.ofSeconds(15));
        assertThat(new String(in.readNBytes(3), StandardCharsets.UTF_8)).isEqualTo(":\n\n");
      }
    }
  }

  /** A virtual clock that is never advanced: no heartbeat is ever sent. */
  static SseServerSettings noHeartbeats() {
    return noHeartbeatsBuilder().build();
  }

  static SseServerSettings.Builder noHeartbeatsBuilder() {
    return SseServerSettings.builder().heartbeat(Duration.ofHours(1)).clock(new VirtualClock());
  }

  @Test
  void aClientThatDisconnectsCancelsItsRunAndClosesItsResourcesWithoutAnyWrite() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (SseServer server =
        SseServer.start(noHeartbeats(), r -> blockingUntilInterrupted(started, closed))) {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(server.uri()).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        in.readNBytes(3);
        started.await();
      }
      assertThat(closed.await(30, TimeUnit.SECONDS)).as("the run was cancelled").isTrue();
      awaitNoStreams(server);
      RunChecks.assertNoLiveThreads(Duration.ofSeconds(10));
    }
  }

  @Test
  void aClientThatDisconnectsClosesTheUpstreamHttpConnection() throws Exception {
    CountDownLatch upstreamGone = new CountDownLatch(1);
    try (var upstream =
            new FakeServer(
                "/up",
                exchange -> {
                  try (OutputStream out = FakeServer.stream(exchange)) {
                    for (int i = 0; ; i++) {
                      SseClientTest.write(out, "data: " + i + "\n\n");
                      Thread.sleep(1);
                    }
                  } catch (Exception e) {
                    upstreamGone.countDown();
                  }
                });
        SseServer server =
            SseServer.start(
                SseServerSettings.defaults(), r -> Sse.events(upstream.uri("/up"), CLIENT))) {
      assertThat(Sse.events(server.uri(), CLIENT).take(5).map(ServerSentEvent::data).toList())
          .containsExactly("0", "1", "2", "3", "4");
      upstreamGone.await();
      awaitNoStreams(server);
    }
  }

  @Test
  void aClientThatDisconnectsFromAQuietUpstreamClosesTheUpstreamConnection() throws Exception {
    CountDownLatch upstreamGone = new CountDownLatch(1);
    CountDownLatch upstreamOpen = new CountDownLatch(1);
    try (var upstream =
            new FakeServer(
                "/up",
                exchange -> {
                  try (OutputStream out = FakeServer.stream(exchange)) {
                    SseClientTest.write(out, "data: only\n\n");
                    upstreamOpen.countDown();
                    while (true) { // comments only: the server relays nothing to its client
                      SseClientTest.write(out, ":\n\n");
                      Thread.sleep(5);
                    }
                  } catch (Exception e) {
                    upstreamGone.countDown();
                  }
                });
        SseServer server =
            SseServer.start(noHeartbeats(), r -> Sse.events(upstream.uri("/up"), CLIENT))) {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(server.uri()).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] expected = ":\n\ndata: only\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(in.readNBytes(expected.length)).isEqualTo(expected);
        upstreamOpen.await();
      }
      assertThat(upstreamGone.await(30, TimeUnit.SECONDS)).as("upstream closed").isTrue();
      awaitNoStreams(server);
      RunChecks.assertNoLiveThreads(Duration.ofSeconds(10));
    }
  }

  @Test
  void closeCancelsOpenStreams() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    SseServer server =
        SseServer.start(
            SseServerSettings.defaults(), r -> blockingUntilInterrupted(started, closed));
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(server.uri()).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      in.readNBytes(3);
      started.await();
      server.close();
      closed.await();
      assertThat(server.openStreams()).isZero();
    }
  }

  @Test
  void settingsListEveryValue() {
    assertThat(SseServerSettings.builder().port(8080).build().toString())
        .contains("host=127.0.0.1", "port=8080", "heartbeat=PT15S", "clock=", "clientBuffer=64");
  }
}
