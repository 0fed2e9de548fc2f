package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.test.RunChecks;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Many clients that leave mid-stream leave no upstream run and no thread behind, with no heartbeat
 * and no event written after they left: their upstreams go quiet after a few events.
 */
class SseServerDisconnectTest {
  static final int CLIENTS = 1_000;

  @Test
  void aThousandClientsThatDisconnectMidStreamLeaveNoLiveRunAndNoThread() throws Exception {
    AtomicInteger live = new AtomicInteger();
    CountDownLatch closed = new CountDownLatch(CLIENTS);
    Pipe<ServerSentEvent> endless =
        Pipe.using(
            () -> {
              live.incrementAndGet();
              return (AutoCloseable)
                  () -> {
                    live.decrementAndGet();
                    closed.countDown();
                  };
            },
            r ->
                Pipe.generate(
                    out -> {
                      for (long i = 0; i < 5; i++) {
                        out.emit(new ServerSentEvent(Long.toString(i), "message", "event " + i));
                      }
                      new CountDownLatch(1).await(); // quiet until cancelled
                    }));
    try (SseServer server = SseServer.start(SseServerTest.noHeartbeats(), request -> endless)) {
      int port = server.uri().getPort();
      List<Thread> clients = new ArrayList<>();
      AtomicReference<Exception> failure = new AtomicReference<>();
      CountDownLatch allReading = new CountDownLatch(CLIENTS);
      CountDownLatch leave = new CountDownLatch(1);
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      boolean reading = false;
                      try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port));
                        OutputStream out = socket.getOutputStream();
                        out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        InputStream in = socket.getInputStream();
                        String seen = "";
                        while (!seen.contains("event 3")) {
                          byte[] chunk = new byte[4096];
                          int n = in.read(chunk);
                          if (n < 0) {
                            throw new IllegalStateException("stream ended early");
                          }
                          seen = seen + new String(chunk, 0, n, StandardCharsets.UTF_8);
                        }
                        reading = true;
                        allReading.countDown();
                        leave.await();
                      } catch (Exception e) {
                        failure.compareAndSet(null, e);
                      } finally {
                        if (!reading) {
                          allReading.countDown();
                        }
                      }
                    }));
      }
      allReading.await();
      assertThat(failure).as("a client failed").hasValue(null);
      assertThat(live).hasValue(CLIENTS);
      leave.countDown();
      for (Thread client : clients) {
        client.join();
      }
      assertThat(closed.await(60, TimeUnit.SECONDS)).as("every upstream closed").isTrue();
      while (server.openStreams() > 0) {
        Thread.sleep(1);
      }
      assertThat(live).hasValue(0);
      RunChecks.assertNoLiveThreads(Duration.ofSeconds(30));
      assertThat(Diagnostics.liveThreads()).isZero();
    }
  }
}
