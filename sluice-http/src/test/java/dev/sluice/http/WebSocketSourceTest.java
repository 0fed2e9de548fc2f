package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Cancellation;
import dev.sluice.Overflow;
import dev.sluice.PipeCancelledException;
import dev.sluice.Progress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /**
   * A feed that cannot wait: the server sends m0..m99 and closes while the consumer holds the first
   * message it took; it goes on only once the server saw the client's close reply, so by then every
   * message was offered to the feed's queue of 4. Which message came first to the consumer depends
   * on the threads; what the policy keeps does not.
   */
  List<Integer> feedWithASlowConsumer(Overflow overflow, List<Progress> reports) throws Exception {
    URI uri =
        serve(
            session -> {
              for (int i = 0; i < 100; i++) {
                send(session, "m" + i);
              }
              session.close();
            });
    List<Integer> got = new ArrayList<>();
    WebSockets.feed(uri, WebSocketSettings.defaults(), 4, overflow)
        .onProgress(reports::add, java.time.Duration.ofHours(1))
        .forEach(
            m -> {
              if (got.isEmpty()) {
                assertThat(clientClosed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
              }
              got.add(Integer.parseInt(m.substring(1)));
            });
    long dropped = reports.get(reports.size() - 1).dropped();
    assertThat(got).isSorted().doesNotHaveDuplicates().hasSizeBetween(4, 5);
    assertThat(got.size() + dropped).as("taken + dropped").isEqualTo(100);
    return got;
  }

  @Test
  void aFeedThatDropsTheOldestKeepsTheNewestAndCountsTheDrops() throws Exception {
    List<Integer> got = feedWithASlowConsumer(Overflow.DROP_OLDEST, new ArrayList<>());
    assertThat(got.subList(1, got.size()))
        .isEqualTo(IntStream.range(101 - got.size(), 100).boxed().toList());
  }

  @Test
  void aFeedThatDropsTheNewestKeepsTheOldestAndCountsTheDrops() throws Exception {
    List<Integer> got = feedWithASlowConsumer(Overflow.DROP_NEWEST, new ArrayList<>());
    assertThat(got.subList(0, 4)).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aFeedRefusesBlockPointingToMessages() {
    assertThatThrownBy(
            () ->
                WebSockets.feed(
                    URI.create("ws://127.0.0.1:1/"),
                    WebSocketSettings.defaults(),
                    4,
                    Overflow.BLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WebSockets.messages");
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

  static void sendBinary(Session session, byte[] bytes) {
    Callback.Completable.with(c -> session.sendBinary(ByteBuffer.wrap(bytes), c)).join();
  }

  static void sendBinaryParts(Session session, byte[]... parts) {
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      ByteBuffer part = ByteBuffer.wrap(parts[i]);
      Callback.Completable.with(c -> session.sendPartialBinary(part, last, c)).join();
    }
  }

  static List<byte[]> randomMessages(long seed) {
    Random random = new Random(seed);
    List<byte[]> messages = new ArrayList<>();
    for (int size : new int[] {0, 1, 10, 33, 99, 9999, 70_000}) {
      for (int copy = 0; copy < 3; copy++) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        messages.add(bytes);
      }
    }
    Collections.shuffle(messages, random);
    return messages;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void readsBinaryMessagesInOrderFramesJoined(long seed) throws Exception {
    List<byte[]> sent = randomMessages(seed);
    URI uri =
        serve(
            session -> {
              sent.forEach(bytes -> sendBinary(session, bytes));
              sendBinaryParts(session, new byte[] {1, 2}, new byte[0], new byte[] {3});
              session.close();
            });
    List<byte[]> got = WebSockets.binaryMessages(uri, WebSocketSettings.defaults()).toList();
    assertThat(got).hasSize(sent.size() + 1);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(got.get(i)).as("message %d", i).isEqualTo(sent.get(i));
    }
    assertThat(got.get(sent.size())).containsExactly(1, 2, 3);
  }

  @Test
  void anEarlyStopOfTheBinarySourceClosesTheSocket() throws Exception {
    URI uri =
        serve(
            session -> {
              for (int i = 0; i < 1000 && session.isOpen(); i++) {
                sendBinary(session, new byte[] {(byte) i});
              }
            });
    assertThat(WebSockets.binaryMessages(uri, WebSocketSettings.defaults()).take(2).toList())
        .containsExactly(new byte[] {0}, new byte[] {1});
    clientClosed.await();
  }

  @Test
  void failsABinaryMessageLargerThanTheLimitNamingTheSetting() throws Exception {
    URI uri = serve(session -> sendBinaryParts(session, new byte[600], new byte[600]));
    WebSocketSettings settings = WebSocketSettings.builder().maxBinaryMessageSize(1000).build();
    assertThatThrownBy(() -> WebSockets.binaryMessages(uri, settings).toList())
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("larger than maxBinaryMessageSize (1000 bytes)");
    clientClosed.await();
  }

  @Test
  void aMessageOfTheOtherKindFailsTheRun() throws Exception {
    URI text = serve(session -> send(session, "text"));
    assertThatThrownBy(() -> WebSockets.binaryMessages(text, WebSocketSettings.defaults()).toList())
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("sent a text message");
    stop();
    URI binary = serve(session -> sendBinary(session, new byte[] {7}));
    assertThatThrownBy(() -> WebSockets.messages(binary, WebSocketSettings.defaults()).toList())
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("sent a binary message");
  }

  @Test
  void binaryMessageSizeMustBePositiveAndTheErrorNamesIt() {
    assertThatThrownBy(() -> WebSocketSettings.builder().maxBinaryMessageSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBinaryMessageSize must be > 0, was 0");
  }

  @Test
  void settingsListEveryValue() {
    assertThat(WebSocketSettings.builder().header("Authorization", "secret").build().toString())
        .contains(
            "maxMessageSize=1048576",
            "maxBinaryMessageSize=1048576",
            "connectTimeout=PT10S",
            "closeTimeout=PT1S",
            "headers=[Authorization]")
        .doesNotContain("secret");
  }
}
