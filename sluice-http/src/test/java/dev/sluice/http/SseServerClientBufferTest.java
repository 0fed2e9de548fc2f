package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-client buffer: a slow client makes its own pipe wait; nothing is dropped. */
class SseServerClientBufferTest {
  static final int EVENTS = 200;
  static final String BIG = "x".repeat(256 * 1024);

  @Test
  void aClientThatDoesNotReadMakesItsPipeWaitAndThenGetsEveryEvent() throws Exception {
    AtomicInteger emitted = new AtomicInteger();
    AtomicReference<Thread> producer = new AtomicReference<>();
    Pipe<ServerSentEvent> big =
        Pipe.generate(
            out -> {
              producer.set(Thread.currentThread());
              for (int i = 0; i < EVENTS; i++) {
                emitted.incrementAndGet();
                out.emit(new ServerSentEvent(Integer.toString(i), "message", BIG));
              }
            });
    SseServerSettings settings = SseServerTest.noHeartbeatsBuilder().clientBuffer(4).build();
    try (SseServer server = SseServer.start(settings, r -> big);
        Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", server.uri().getPort()));
      OutputStream request = socket.getOutputStream();
      request.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      request.flush();
      // 200 x 256 KiB (50 MiB) is far more than the socket buffers hold: the pipe must wait
      while (!waitsForTheClient(producer.get())) {
        Thread.sleep(1);
      }
      assertThat(emitted.get()).isLessThan(EVENTS);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      int next = 0;
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("id: ")) {
          assertThat(line).isEqualTo("id: " + next);
        } else if (line.startsWith("data: ")) {
          assertThat(line.length()).isEqualTo(6 + BIG.length());
          next++;
        }
      }
      assertThat(next).isEqualTo(EVENTS);
      assertThat(emitted).hasValue(EVENTS);
    }
  }

  /** Whether {@code thread} waits on a condition (the full buffer), not just for a lock. */
  static boolean waitsForTheClient(Thread thread) {
    if (thread == null || thread.getState() != Thread.State.WAITING) {
      return false;
    }
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().endsWith("ConditionObject")
          && frame.getMethodName().equals("await")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void clientBufferMustBePositiveAndTheErrorNamesIt() {
    assertThatThrownBy(() -> SseServerSettings.builder().clientBuffer(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientBuffer must be > 0, was 0");
    assertThat(SseServerSettings.builder().clientBuffer(7).build().clientBuffer()).isEqualTo(7);
  }
}
