package dev.sluice.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A fake chat API on the JDK HttpServer: streams a scripted event stream to every POST. */
final class FakeLlm implements AutoCloseable {
  static final String OPENAI =
      """
      data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]}

      data: {"id":"c1","choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null}]}

      data: {"id":"c1","choices":[{"index":0,"delta":{"content":", "},"finish_reason":null}]}

      data: {"id":"c1","choices":[{"index":0,"delta":{"content":"world"},"finish_reason":null}]}

      data: {"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

      data: [DONE]

      """;

  static final String ANTHROPIC =
      """
      event: message_start
      data: {"type":"message_start","message":{"id":"m1","role":"assistant","content":[]}}

      event: content_block_start
      data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

      event: ping
      data: {"type": "ping"}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{"}}

      event: something_new
      data: {"type":"something_new"}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":", world"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":0}

      event: message_delta
      data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}

      event: message_stop
      data: {"type":"message_stop"}

      """;

  final List<String> bodies = new CopyOnWriteArrayList<>();
  final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
  final CountDownLatch clientGone = new CountDownLatch(1);
  private final FakeServer server;

  /** Answers {@code status} with {@code stream}; {@code endless} keeps sending pings after it. */
  FakeLlm(int status, String stream, boolean endless) throws IOException {
    server =
        new FakeServer(
            "/v1",
            exchange -> {
              bodies.add(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
              headers.add(Map.copyOf(exchange.getRequestHeaders()));
              if (status != 200) {
                FakeServer.send(exchange, status, "application/json", stream);
                return;
              }
              try (OutputStream out = FakeServer.stream(exchange)) {
                SseClientTest.write(out, stream);
                while (endless) {
                  SseClientTest.write(out, "event: ping\ndata: {}\n\n");
                  Thread.sleep(2);
                }
              } catch (IOException | InterruptedException e) {
                clientGone.countDown();
              }
            });
  }

  URI uri() {
    return server.uri("/v1/chat");
  }

  @Override
  public void close() {
    server.close();
  }
}
