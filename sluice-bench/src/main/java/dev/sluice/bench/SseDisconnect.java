package dev.sluice.bench;

import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.http.ServerSentEvent;
import dev.sluice.http.Sse;
import dev.sluice.http.SseServer;
import dev.sluice.http.SseServerSettings;
import dev.sluice.http.SseSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Disconnect benchmark: N clients leave an endless stream mid-way, client c after {@code 10 + (c *
 * 7919) % SPREAD} events (SPREAD 1: all after 10, at about the same time; SPREAD 50 at 200 ms a
 * pace: one after the other over 10 s, as clients leave a real server). The stream they read is a
 * relay: a server whose run per client reads an upstream SSE server over HTTP ({@link Sse#events}),
 * so a client that leaves must cancel its run, which must close its upstream HTTP connection, which
 * the upstream server must notice and cancel its own run. Prints, once every client left: the
 * relay's and the upstream's runs and open streams still alive, Sluice threads still alive (all
 * must be 0), and per client the time from closing its socket to its relay run ending ({@code
 * cancel}) and to the upstream run ending ({@code upstream}), p50/p99/max; then the process's wall,
 * CPU and run-queue time (its runnable threads waiting for a CPU) meanwhile.
 *
 * <p>Usage: {@code SseDisconnect [N] [PACE_MS] [SPREAD]} (defaults 1000, 10, 1); see {@code
 * bench/sse.sh}.
 */
public final class SseDisconnect {
  private SseDisconnect() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long pace = args.length > 1 ? Long.parseLong(args[1]) : 10;
    int spread = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    AtomicLongArray left = new AtomicLongArray(clients);
    AtomicLongArray relayEnded = new AtomicLongArray(clients);
    AtomicLongArray upstreamEnded = new AtomicLongArray(clients);
    AtomicInteger relayRuns = new AtomicInteger();
    AtomicInteger upstreamRuns = new AtomicInteger();
    SseServerSettings settings =
        SseServerSettings.builder().heartbeat(Duration.ofSeconds(1)).build();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (SseServer upstream =
            SseServer.start(
                settings,
                r -> tracked(client(r.query()), upstreamRuns, upstreamEnded, endless(pace)));
        SseServer relay =
            SseServer.start(
                settings,
                r -> {
                  int c = client(r.query());
                  URI source = upstream.uri().resolve("/?c=" + c);
                  return tracked(
                      c, relayRuns, relayEnded, Sse.events(http, source, SseSettings.defaults()));
                })) {
      int port = relay.uri().getPort();
      long waited0 = SseFanout.runQueueWaitNanos();
      long cpu0 = SseClients.cpuNanos();
      long t0run = System.nanoTime();
      CountDownLatch done = new CountDownLatch(clients);
      AtomicInteger failed = new AtomicInteger();
      for (int c = 0; c < clients; c++) {
        int client = c;
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    readAndLeave(port, client, 10 + (client * 7919) % spread, left);
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  } finally {
                    done.countDown();
                  }
                });
      }
      done.await();
      long t0 = System.nanoTime();
      while ((relay.openStreams() > 0
              || upstream.openStreams() > 0
              || relayRuns.get() > 0
              || upstreamRuns.get() > 0)
          && System.nanoTime() - t0 < 30e9) {
        Thread.sleep(5);
      }
      System.out.printf(
          Locale.ROOT,
          "disconnect clients=%d spread=%d failedClients=%d afterLeaving: relayRuns=%d upstreamRuns=%d"
              + " relayStreams=%d upstreamStreams=%d liveSluiceThreads=%d cancel=%s upstream=%s"
              + " (from a client closing its socket; p50/p99/max) wall=%.1fs cpu=%.1fs"
              + " runQueueWait=%.1fs%n",
          clients,
          spread,
          failed.get(),
          relayRuns.get(),
          upstreamRuns.get(),
          relay.openStreams(),
          upstream.openStreams(),
          Diagnostics.liveThreads(),
          since(left, relayEnded),
          since(left, upstreamEnded),
          (System.nanoTime() - t0run) / 1e9,
          (SseClients.cpuNanos() - cpu0) / 1e9,
          (SseFanout.runQueueWaitNanos() - waited0) / 1e9);
    }
  }

  /** Reads {@code events} data lines of client c's stream, notes the time and closes. */
  static void readAndLeave(int port, int c, int events, AtomicLongArray left) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /?c=" + c + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[512];
      int seen = 0;
      int matched = 0;
      for (int n; seen < events && (n = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            seen += matched == 5 ? 1 : 0;
            matched = 0;
          } else if (matched >= 0 && matched < 5) {
            matched = b == "data:".charAt(matched) ? matched + 1 : -1;
          }
        }
      }
      if (seen < events) {
        throw new IllegalStateException("stream ended after " + seen + " events");
      }
      left.set(c, System.nanoTime());
    }
  }

  /** p50/p99/max in ms of {@code to[c] - from[c]} over the clients that left. */
  static String since(AtomicLongArray from, AtomicLongArray to) {
    long[] d = new long[from.length()];
    int n = 0;
    for (int c = 0; c < d.length; c++) {
      if (from.get(c) != 0 && to.get(c) != 0) {
        d[n++] = to.get(c) - from.get(c);
      }
    }
    Arrays.sort(d, 0, n);
    if (n == 0) {
      return "none";
    }
    return String.format(
        Locale.ROOT,
        "%.1f/%.1f/%.1fms",
        d[n / 2] / 1e6,
        d[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
        d[n - 1] / 1e6);
  }

  static int client(String query) {
    return Integer.parseInt(query.substring(query.indexOf('=') + 1));
  }

  /** {@code pipe}, counting its live runs in {@code live} and noting when client c's run ended. */
  static Pipe<ServerSentEvent> tracked(
      int c, AtomicInteger live, AtomicLongArray ended, Pipe<ServerSentEvent> pipe) {
    return Pipe.using(
        () -> {
          live.incrementAndGet();
          return (AutoCloseable)
              () -> {
                ended.set(c, System.nanoTime());
                live.decrementAndGet();
              };
        },
        r -> pipe);
  }

  static Pipe<ServerSentEvent> endless(long pace) {
    return Pipe.generate(
        out -> {
          for (long i = 0; ; i++) {
            out.emit(new ServerSentEvent(Long.toString(i), "message", "tick " + i));
            Thread.sleep(pace);
          }
        });
  }
}
