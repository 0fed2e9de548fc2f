package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Cancellation;
import dev.sluice.PipeCancelledException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketSourceTest {
  Server server;
  final CountDownLatch clientClosed = new CountDownLatch(1);

  /** A Jetty WebSocket server whose endpoint runs {@code script} on each new session. */
  URI serve(Consumer<Session> script) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    context.setHandler(
        WebSocketUpgradeHandler.from(
            server,
            context,
            container ->
                container.addMapping(
                    "/ws", (rq, rs, cb) -> new ScriptedEndpoint(script, clientClosed))));
    server.setHandler(context);
    server.start();
    return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ws");
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  static void send(Session session, String text) {
    Callback.Completable.with(c -> session.sendText(text, c)).join();
  }

  static void sendParts(Session session, String... parts) {
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      String part = parts[i];
      Callback.Completable.with(c -> session.sendPartialText(part, last, c)).join();
    }
  }

  @Test
  void readsMessagesInOrderUntilTheServerCloses() throws Exception {
    URI uri =
        serve(
            session -> {
              for (int i = 0; i < 100; i++) {
                send(session, "m" + i);
              }
              sendParts(session, "frag", "ment", "ed");
              session.close();
            });
    List<String> messages = WebSockets.messages(uri, WebSocketSettings.defaults()).toList();
    assertThat(messages).hasSize(101).startsWith("m0", "m1").endsWith("m99", "fragmented");
  }

  @Test
  void anEarlyStopClosesTheSocket() throws Exception {
    URI uri =
        serve(
            session -> {
              try {
                for (int i = 0; session.isOpen(); i++) {
                  send(session, "m" + i);
                }
              } catch (RuntimeException closed) {
                // the client went away
              }
            });
    assertThat(WebSockets.messages(uri, WebSocketSettings.defaults()).take(5).toList())
        .containsExactly("m0", "m1", "m2", "m3", "m4");
    clientClosed.await();
  }

  @Test
  void aCancelledRunWaitingForAMessageClosesTheSocket() throws Exception {
    CountDownLatch sent = new CountDownLatch(1);
    URI uri =
        serve(
            session -> {
              send(session, "only");
              sent.countDown();
            });
    Cancellation cancel = new Cancellation();
    CountDownLatch got = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread run =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    WebSockets.messages(uri, WebSocketSettings.defaults())
                        .withCancellation(cancel)
                        .forEach(m -> got.countDown());
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
    while (got.getCount() > 0 && run.isAlive()) {
      Thread.sleep(1);
    }
    assertThat(failure.get()).isNull();
    sent.await();
    cancel.cancel();
    run.join();
    assertThat(failure.get()).isInstanceOf(PipeCancelledException.class);
    clientClosed.await();
  }

  @Test
  void failsAMessageLargerThanTheLimitNamingTheSetting() throws Exception {
    URI uri = serve(session -> sendParts(session, "x".repeat(600), "y".repeat(600)));
    assertThatThrownBy(
            () ->
                WebSockets.messages(uri, WebSocketSettings.builder().maxMessageSize(1000).build())
                    .toList())
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("larger than maxMessageSize (1000 chars)");
    clientClosed.await();
  }

  @Test
  void settingsListEveryValue() {
    assertThat(WebSocketSettings.builder().header("Authorization", "secret").build().toString())
        .contains(
            "maxMessageSize=1048576",
            "connectTimeout=PT10S",
            "closeTimeout=PT1S",
            "headers=[Authorization]")
        .doesNotContain("secret");
  }
}
