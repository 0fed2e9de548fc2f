package dev.sluice.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.http.WebSocketSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketSessionTest {
  private static final int MESSAGES = 50;
  private static final CountDownLatch SENT = new CountDownLatch(1);
  private Server server;

  /** Sends {@value MESSAGES} messages at once on open (public: Jetty makes it reflectively). */
  public static final class Burst implements Session.Listener.AutoDemanding {
    @Override
    public void onWebSocketOpen(Session session) {
      Thread.ofVirtual()
          .start(
              () -> {
                for (int i = 0; i < MESSAGES; i++) {
                  String text = "m" + i;
                  Callback.Completable.with(c -> session.sendText(text, c)).join();
                }
                SENT.countDown();
              });
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void holdsAtMostOneMessageWhileTheConsumerWaits() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    context.setHandler(
        WebSocketUpgradeHandler.from(
            server, context, c -> c.addMapping("/ws", (rq, rs, cb) -> new Burst())));
    server.setHandler(context);
    server.start();
    URI uri = URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ws");

    try (HttpClient client = HttpClient.newHttpClient();
        WebSocketSession session =
            WebSocketSession.open(client, uri, WebSocketSettings.defaults())) {
      assertThat(SENT.await(30, TimeUnit.SECONDS)).as("the server sent every message").isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (session.held() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      // all 50 are on their way; a second requested one would arrive now, right after the first
      int most = 0;
      long watch = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
      while (System.nanoTime() < watch) {
        most = Math.max(most, session.held());
      }
      assertThat(session.held()).isEqualTo(1);
      assertThat(most).as("the most messages held at once").isEqualTo(1);
    }
  }
}
