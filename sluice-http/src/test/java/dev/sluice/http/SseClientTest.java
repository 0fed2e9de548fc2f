package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.test.VirtualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SseClientTest {
  static final SseSettings FAST =
      SseSettings.builder()
          .reconnectDelay(Duration.ofMillis(1))
          .maxReconnectDelay(Duration.ofMillis(20))
          .build();

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Test
  void readsEventsAndClosesTheConnectionOnEarlyStop() throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              try (OutputStream out = FakeServer.stream(exchange)) {
                for (int i = 0; ; i++) {
                  write(out, "id: " + i + "\ndata: event " + i + "\n\n");
                }
              } catch (IOException e) {
                clientGone.countDown();
              }
            })) {
      List<ServerSentEvent> events = Sse.events(server.uri("/feed"), FAST).take(3).toList();
      assertThat(events)
          .containsExactly(
              new ServerSentEvent("0", "message", "event 0"),
              new ServerSentEvent("1", "message", "event 1"),
              new ServerSentEvent("2", "message", "event 2"));
      clientGone.await();
    }
  }

  @Test
  void reconnectsAfterEndOfStreamSendingLastEventId() throws Exception {
    List<String> lastIds = new CopyOnWriteArrayList<>();
    AtomicInteger connections = new AtomicInteger();
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              lastIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
              int n = connections.getAndIncrement();
              try (OutputStream out = FakeServer.stream(exchange)) {
                write(out, "retry: 1\nid: " + n + "\ndata: " + n + "\n\ndata: partial");
              }
            })) {
      List<String> data = Sse.events(server.uri("/feed"), FAST).take(3).map(e -> e.data()).toList();
      assertThat(data).containsExactly("0", "1", "2");
      assertThat(lastIds.subList(0, 3)).containsExactly("null", "0", "1");
    }
  }

  @Test
  void waitsTheServersRetryTimeDoubledWhileNoEventComesUpToTheCap() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              connections.incrementAndGet();
              try (OutputStream out = FakeServer.stream(exchange)) {
                write(out, "retry: 1000\n: no event\n\n");
              }
            })) {
      VirtualClock clock = new VirtualClock();
      SseSettings settings =
          SseSettings.builder()
              .clock(clock)
              .maxReconnectDelay(Duration.ofSeconds(3))
              .maxReconnects(4)
              .build();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread run =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      Sse.events(server.uri("/feed"), settings).toList();
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      for (long wait : new long[] {1000, 2000, 3000, 3000}) {
        clock.awaitParked(1);
        clock.advance(Duration.ofMillis(wait - 1));
        assertThat(clock.parked()).as("still waiting 1 ms before %d ms", wait).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(clock.parked()).as("woken after %d ms", wait).isZero();
      }
      run.join();
      assertThat(failure.get())
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("no event in 5 connections in a row");
      assertThat(connections).hasValue(5);
    }
  }

  @Test
  void reconnectsAfterANetworkErrorAndGivesUpAfterMaxReconnects() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              connections.incrementAndGet();
              exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
              exchange.sendResponseHeaders(200, 1000);
              write(exchange.getResponseBody(), ": hello\n");
              exchange.close();
            })) {
      SseSettings settings =
          SseSettings.builder()
              .reconnectDelay(Duration.ofMillis(1))
              .maxReconnectDelay(Duration.ofMillis(4))
              .maxReconnects(2)
              .build();
      assertThatThrownBy(() -> Sse.events(server.uri("/feed"), settings).toList())
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("no event in 3 connections in a row (maxReconnects)")
          .hasCauseInstanceOf(IOException.class);
      assertThat(connections).hasValue(3);
    }
  }

  @Test
  void failsWithoutRetryingOnAStatusOtherThan200() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              connections.incrementAndGet();
              FakeServer.send(exchange, 503, "text/plain", "busy");
            })) {
      assertThatThrownBy(() -> Sse.events(server.uri("/feed"), FAST).toList())
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("/feed answered status 503 (not retried)")
          .extracting(e -> ((HttpException) e).status())
          .isEqualTo(503);
      assertThat(connections).hasValue(1);
    }
  }

  @Test
  void failsWithoutRetryingOnAnotherContentType() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              connections.incrementAndGet();
              FakeServer.send(exchange, 200, "application/json", "{}");
            })) {
      assertThatThrownBy(() -> Sse.events(server.uri("/feed"), FAST).toList())
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("answered Content-Type 'application/json', not text/event-stream");
      assertThat(connections).hasValue(1);
    }
  }

  @Test
  void stopsOn204() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              if (connections.getAndIncrement() == 0) {
                try (OutputStream out = FakeServer.stream(exchange)) {
                  write(out, "retry: 1\ndata: only\n\n");
                }
              } else {
                FakeServer.send(exchange, 204, "text/event-stream", "");
              }
            })) {
      assertThat(Sse.events(server.uri("/feed"), FAST).toList())
          .containsExactly(ServerSentEvent.message("only"));
      assertThat(connections).hasValue(2);
    }
  }

  @Test
  void anInterruptEndsABlockedReadAndClosesTheConnection() throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    CountDownLatch clientGone = new CountDownLatch(1);
    try (var server =
        new FakeServer(
            "/feed",
            exchange -> {
              try (OutputStream out = FakeServer.stream(exchange)) {
                write(out, "data: first\n\n");
                connected.countDown();
                while (true) {
                  write(out, ": keep-alive\n");
                  Thread.sleep(5);
                }
              } catch (IOException | InterruptedException e) {
                clientGone.countDown();
              }
            })) {
      var cancel = new dev.sluice.Cancellation();
      Thread runner =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      Sse.events(server.uri("/feed"), FAST)
                          .withCancellation(cancel)
                          .forEach(e -> {});
                    } catch (RuntimeException expected) {
                      // cancelled
                    }
                  });
      connected.await();
      cancel.cancel();
      runner.join();
      clientGone.await();
    }
  }
}
