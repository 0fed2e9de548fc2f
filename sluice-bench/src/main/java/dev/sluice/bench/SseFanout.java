package dev.sluice.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.http.ServerSentEvent;
import dev.sluice.http.SseServer;
import dev.sluice.http.SseServerSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * SSE fan-out in one JVM: N clients (raw sockets on virtual threads, HTTP/1.0) on loopback each
 * receive EVENTS events sent PACE_MS apart, from {@code sluice} (an {@link SseServer} serving a
 * generator pipe) or {@code jetty} (a hand-written Jetty 12 handler writing the same bytes). Prints
 * delivered events, p50/p99 delivery latency, process CPU time and peak RSS. Mode {@code
 * disconnect}: N clients leave after 10 events of an endless stream; prints the upstream runs and
 * Sluice threads still alive afterwards (both must be 0).
 *
 * <p>Usage: {@code SseFanout sluice|jetty|disconnect [N] [EVENTS] [PACE_MS]}; see {@code
 * bench/sse.sh}.
 */
public final class SseFanout {
  private SseFanout() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "sluice";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    long pace = args.length > 3 ? Long.parseLong(args[3]) : 10;
    if (mode.equals("disconnect")) {
      disconnect(clients, pace);
      return;
    }
    AutoCloseable server;
    int port;
    if (mode.equals("jetty")) {
      Server jetty = jetty(events, pace);
      server = jetty::stop;
      port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    } else {
      SseServer sse = SseServer.start(SseServerSettings.defaults(), r -> feed(events, pace));
      server = sse;
      port = sse.uri().getPort();
    }
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    long[] latencies = new long[clients * events];
    AtomicInteger received = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      read(port, Integer.MAX_VALUE, latencies, received);
                    } catch (Exception e) {
                      failed.incrementAndGet();
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long cpu = cpuNanos() - cpu0;
    server.close();
    int n = received.get();
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s clients=%d events/client=%d pace=%dms delivered=%d of %d failedClients=%d wall=%.1fs"
            + " p50=%.2fms p99=%.2fms cpu=%.1fs peakRss=%dMB%n",
        mode,
        clients,
        events,
        pace,
        n,
        (long) clients * events,
        failed.get(),
        seconds,
        n == 0 ? 0 : sorted[n / 2] / 1e6,
        n == 0 ? 0 : sorted[(int) Math.min(n - 1, (long) n * 99 / 100)] / 1e6,
        cpu / 1e9,
        peakRssMb());
  }

  static Pipe<ServerSentEvent> feed(int events, long pace) {
    return Pipe.generate(
        out -> {
          for (int i = 0; i < events; i++) {
            out.emit(
                new ServerSentEvent(
                    Integer.toString(i), "message", Long.toString(System.nanoTime())));
            Thread.sleep(pace);
          }
        });
  }

  static Server jetty(int events, long pace) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setAcceptQueueSize(4096);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            response.getHeaders().put("Content-Type", "text/event-stream; charset=utf-8");
            for (int i = 0; i < events; i++) {
              String event = "id: " + i + "\ndata: " + System.nanoTime() + "\n\n";
              try (Blocker.Callback written = Blocker.callback()) {
                response.write(
                    false, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), written);
                written.block();
              }
              Thread.sleep(pace);
            }
            callback.succeeded();
            return true;
          }
        });
    server.start();
    return server;
  }

  /** Reads one stream; records each event's latency; leaves after {@code max} events. */
  static void read(int port, int max, long[] latencies, AtomicInteger received) throws Exception {
    try (Socket socket = connect(port)) {
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[512]; // small: 10,000 clients share the 256 MB heap with the server
      StringBuilder line = new StringBuilder();
      int seen = 0;
      for (int n; seen < max && (n = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          char c = (char) buffer[i];
          if (c != '\n') {
            line.append(c);
            continue;
          }
          if (line.length() > 6 && line.charAt(0) == 'd' && line.indexOf("data: ") == 0) {
            long latency = System.nanoTime() - Long.parseLong(line, 6, line.length(), 10);
            int slot = received.getAndIncrement();
            if (slot < latencies.length) {
              latencies[slot] = latency;
            }
            seen++;
          }
          line.setLength(0);
        }
      }
    }
  }

  static Socket connect(int port) throws Exception {
    for (int attempt = 1; ; attempt++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        return socket;
      } catch (java.io.IOException e) {
        socket.close();
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(100L * attempt);
      }
    }
  }

  static void disconnect(int clients, long pace) throws Exception {
    AtomicLong live = new AtomicLong();
    Pipe<ServerSentEvent> endless =
        Pipe.using(
            () -> {
              live.incrementAndGet();
              return (AutoCloseable) live::decrementAndGet;
            },
            r -> feed(Integer.MAX_VALUE, pace));
    try (SseServer server =
        SseServer.start(
            SseServerSettings.builder().heartbeat(java.time.Duration.ofSeconds(1)).build(),
            r -> endless)) {
      int port = server.uri().getPort();
      long[] latencies = new long[clients * 10];
      AtomicInteger received = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(clients);
      AtomicInteger failed = new AtomicInteger();
      for (int c = 0; c < clients; c++) {
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    read(port, 10, latencies, received);
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  } finally {
                    done.countDown();
                  }
                });
      }
      done.await();
      long t0 = System.nanoTime();
      while ((server.openStreams() > 0 || live.get() > 0) && System.nanoTime() - t0 < 30e9) {
        Thread.sleep(10);
      }
      double drain = (System.nanoTime() - t0) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "disconnect clients=%d failedClients=%d events=%d afterLeaving: openStreams=%d"
              + " liveUpstreamRuns=%d liveSluiceThreads=%d drained in %.0fms%n",
          clients,
          failed.get(),
          received.get(),
          server.openStreams(),
          live.get(),
          Diagnostics.liveThreads(),
          drain);
    }
  }

  static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
