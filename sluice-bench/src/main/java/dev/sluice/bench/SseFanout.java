package dev.sluice.bench;

import dev.sluice.Pipe;
import dev.sluice.http.ServerSentEvent;
import dev.sluice.http.SseServer;
import dev.sluice.http.SseServerSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server of the SSE fan-out benchmark, in a process of its own ({@link SseClients} are the
 * clients): {@code sluice} (an {@link SseServer} serving a generator pipe per client) or {@code
 * jetty} (a hand-written Jetty 12 handler writing the same bytes with blocking writes on virtual
 * threads). Every stream waits until N streams are open, then its event {@code i} is due at {@code
 * start + offset + i * PACE_MS}: offset 0 for every client with PHASE {@code aligned} (a broadcast:
 * all N clients get each event at one instant) or spread evenly over one pace with {@code spread}
 * (the same rate, as a steady load). An event's data is the {@code nanoTime} it was due, so the
 * clients' latency includes the server waking its stream late.
 *
 * <p>With WARMUP_EVENTS above 0, the first N clients are a warm-up (they get that many events and
 * are not measured) and a line on standard input says they are gone. Prints {@code port=P}, serves
 * until a line (or the end) on standard input, then prints for the measured clients the server's
 * CPU time, the time its threads waited for a CPU ({@code runQueueWait}, Linux schedstat), GC count
 * and time, where the server's part of the latency goes ({@code wake}: the stream ran late, due to
 * emit; {@code write}: emit to the event handed to the socket, or queued for it; p50/p99/max), and
 * the process's peak RSS.
 *
 * <p>Usage: {@code SseFanout serve sluice|jetty N EVENTS PACE_MS aligned|spread WARMUP_EVENTS}; see
 * {@code bench/sse.sh}. {@link SseDisconnect} is the disconnect benchmark.
 */
public final class SseFanout {
  private final int clients;
  private final int events;
  private final long pace;
  private final boolean spread;
  private final int warmupEvents;
  private final AtomicInteger arrived = new AtomicInteger();
  private final CountDownLatch[] allOpen = {null, null};
  private final long[] start = new long[2];
  private final Timings wake = new Timings();
  private final Timings write = new Timings();

  private SseFanout(int clients, int events, long paceMillis, boolean spread, int warmupEvents) {
    this.clients = clients;
    this.events = events;
    this.pace = TimeUnit.MILLISECONDS.toNanos(paceMillis);
    this.spread = spread;
    this.warmupEvents = warmupEvents;
    this.allOpen[0] = new CountDownLatch(clients);
    this.allOpen[1] = new CountDownLatch(clients);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 7 || !args[0].equals("serve")) {
      throw new IllegalArgumentException(
          "usage: SseFanout serve sluice|jetty N EVENTS PACE_MS aligned|spread WARMUP_EVENTS");
    }
    String mode = args[1];
    SseFanout bench =
        new SseFanout(
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            Long.parseLong(args[4]),
            args[5].equals("spread"),
            Integer.parseInt(args[6]));
    AutoCloseable server;
    int port;
    if (mode.equals("jetty")) {
      Server jetty = bench.jetty();
      server = jetty::stop;
      port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    } else {
      SseServer sse = SseServer.start(SseServerSettings.defaults(), r -> bench.feed());
      server = sse;
      port = sse.uri().getPort();
    }
    System.out.println("port=" + port);
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (bench.warmupEvents > 0) {
      in.readLine(); // the warm-up clients are done: measure from here
    }
    long cpu0 = SseClients.cpuNanos();
    long waited0 = runQueueWaitNanos();
    long[] gc0 = gc();
    in.readLine();
    long cpu = SseClients.cpuNanos() - cpu0;
    long waited = runQueueWaitNanos() - waited0;
    long gcCount = gc()[0] - gc0[0];
    long gcMillis = gc()[1] - gc0[1];
    System.out.printf(
        Locale.ROOT,
        "%s cpu=%.1fs runQueueWait=%.1fs peakRss=%dMB gc=%d gcMs=%d wake=%s write=%s"
            + " streams=%d%n",
        mode,
        cpu / 1e9,
        waited / 1e9,
        peakRssMb(),
        gcCount,
        gcMillis,
        bench.wake,
        bench.write,
        bench.arrived.get());
    server.close();
  }

  private static long[] gc() {
    long[] countAndMillis = new long[2];
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      countAndMillis[0] += Math.max(0, gc.getCollectionCount());
      countAndMillis[1] += Math.max(0, gc.getCollectionTime());
    }
    return countAndMillis;
  }

  /**
   * The stream's index: the first N streams are the warm-up's (when it has events), the next N the
   * measured ones.
   */
  private int arrive() {
    return arrived.getAndIncrement() + (warmupEvents > 0 ? 0 : clients);
  }

  private boolean measured(int index) {
    return index >= clients;
  }

  private int eventsOf(int index) {
    return measured(index) ? events : warmupEvents;
  }

  /** Waits for all streams of its session, then returns the time its first event is due. */
  private long first(int index) throws InterruptedException {
    int session = measured(index) ? 1 : 0;
    if (index % clients == clients - 1) {
      // time for the latch to wake every stream (one by one) before the first event is due
      start[session] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200) + clients * 50_000L;
    }
    allOpen[session].countDown(); // publishes start[session] to the streams awaiting it
    if (!allOpen[session].await(300, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + arrived.get() + " clients came");
    }
    return start[session] + (spread ? (index % clients) * pace / clients : 0);
  }

  /** Sleeps until {@code due}, and records how late it woke. */
  private void await(int index, long due) throws InterruptedException {
    long wait = due - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
    if (measured(index)) {
      wake.add(System.nanoTime() - due);
    }
  }

  private Pipe<ServerSentEvent> feed() {
    return Pipe.generate(
        out -> {
          int index = arrive();
          long first = first(index);
          for (int i = 0; i < eventsOf(index); i++) {
            long due = first + i * pace;
            await(index, due);
            long t = System.nanoTime();
            out.emit(new ServerSentEvent(Integer.toString(i), "message", Long.toString(due)));
            if (measured(index)) {
              write.add(System.nanoTime() - t);
            }
          }
        });
  }

  private Server jetty() throws Exception {
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
            int index = arrive();
            long first = first(index);
            for (int i = 0; i < eventsOf(index); i++) {
              long due = first + i * pace;
              await(index, due);
              long t = System.nanoTime();
              String event = "id: " + i + "\ndata: " + due + "\n\n";
              try (Blocker.Callback written = Blocker.callback()) {
                response.write(
                    false, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), written);
                written.block();
              }
              if (measured(index)) {
                write.add(System.nanoTime() - t);
              }
            }
            callback.succeeded();
            return true;
          }
        });
    server.start();
    return server;
  }

  /**
   * The time this process's threads spent runnable but waiting for a CPU (Linux schedstat, summed
   * over the live threads): the machine's other work, not the server, when it is large.
   */
  static long runQueueWaitNanos() throws Exception {
    long sum = 0;
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          sum += Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[1]);
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended meanwhile, or no schedstat: not counted
        }
      }
    }
    return sum;
  }

  static long peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** A concurrent histogram of durations, 100 µs buckets up to 60 s; prints p50/p99/max in ms. */
  static final class Timings {
    private static final long BUCKET = 100_000;
    private final AtomicLongArray buckets = new AtomicLongArray(600_000);
    private final java.util.concurrent.atomic.AtomicLong max =
        new java.util.concurrent.atomic.AtomicLong();

    void add(long nanos) {
      buckets.incrementAndGet((int) Math.min(buckets.length() - 1, Math.max(0, nanos / BUCKET)));
      max.accumulateAndGet(nanos, Math::max);
    }

    private double percentile(double fraction) {
      long total = 0;
      for (int b = 0; b < buckets.length(); b++) {
        total += buckets.get(b);
      }
      long want = (long) Math.ceil(total * fraction);
      long seen = 0;
      for (int b = 0; b < buckets.length(); b++) {
        seen += buckets.get(b);
        if (seen >= want && want > 0) {
          return (b + 1) * BUCKET / 1e6;
        }
      }
      return 0;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "%.1f/%.1f/%.1fms", percentile(0.5), percentile(0.99), max.get() / 1e6);
    }
  }
}
