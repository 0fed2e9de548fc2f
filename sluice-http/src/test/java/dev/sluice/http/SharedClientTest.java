package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Diagnostics;
import java.io.OutputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The sources built without a client share one: no JDK client (and its thread) per call. */
class SharedClientTest {
  private static final int CALLS = 30;

  /** The JDK HTTP clients alive now: each has one selector thread. */
  private static long selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().endsWith("-SelectorManager"))
        .count();
  }

  @Test
  void manySseAndRestRunsUseOneClient() throws Exception {
    try (var events =
            new FakeServer(
                "/feed",
                exchange -> {
                  try (OutputStream out = FakeServer.stream(exchange)) {
                    out.write("data: hi\n\n".getBytes());
                  }
                });
        var pages =
            new FakeServer(
                "/api", exchange -> FakeServer.send(exchange, 200, "application/json", "[1,2]"))) {
      URI feed = events.uri("/feed");
      URI api = pages.uri("/api");
      // the first calls may make the shared clients
      Sse.events(feed, SseSettings.defaults()).take(1).toList();
      Rest.items(api, RestSettings.defaults()).toList();
      long before = selectorThreads();
      for (int i = 0; i < CALLS; i++) {
        assertThat(Sse.events(feed, SseSettings.defaults()).take(1).toList()).hasSize(1);
        assertThat(Rest.items(api, RestSettings.defaults()).toList()).hasSize(2);
      }
      assertThat(selectorThreads())
          .as("selector threads after %d calls", 2 * CALLS)
          .isLessThanOrEqualTo(before);
      assertThat(Diagnostics.liveThreads()).isZero();
    }
  }
}
