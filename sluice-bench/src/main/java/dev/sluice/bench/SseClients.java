package dev.sluice.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The clients of the SSE fan-out benchmark, in a process of their own: N event streams read by one
 * thread with non-blocking sockets (a selector), so the clients cost little CPU and no thread per
 * stream. Each {@code data:} line carries the {@link System#nanoTime()} at which the server was due
 * to send the event; the delivery latency is the time of the read that completed the line minus
 * that. Server and clients run on one machine, and HotSpot's {@code nanoTime} on Linux is {@code
 * CLOCK_MONOTONIC}, one clock for all processes ({@code min} in the output shows it: never
 * negative). A stream ends after EVENTS events (the client closes) or at the server's end of
 * stream. HTTP/1.1 requests, as a browser's {@code EventSource} sends them; the parser only looks
 * for lines starting with {@code data: }, so chunked framing does not disturb it.
 *
 * <p>Usage: {@code SseClients PORT N EVENTS [CONNECTING]}: at most CONNECTING (default 256)
 * connections are being opened at a time. Prints one line: delivered events, clients that failed or
 * ended short, latency p50/p99/max (100 µs buckets), the clients' CPU time.
 */
public final class SseClients {
  private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final long BUCKET_NANOS = 100_000;

  private final int port;
  private final int clients;
  private final int events;
  private final int connecting;
  private final long[] histogram = new long[1_000_000]; // 100 µs buckets up to 100 s
  private final long[] lateBySecond = new long[3600]; // events over 100 ms, by second of arrival
  private final long[] maxBySecond = new long[3600];
  private final java.util.List<SocketChannel> finished = new java.util.ArrayList<>();
  private long firstEvent;
  private long delivered;
  private long maxLatency;
  private long minLatency = Long.MAX_VALUE;
  private int failed;
  private int shortStreams;
  private int ended;
  private String firstFailure = "";

  private SseClients(int port, int clients, int events, int connecting) {
    this.port = port;
    this.clients = clients;
    this.events = events;
    this.connecting = connecting;
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int clients = Integer.parseInt(args[1]);
    int events = Integer.parseInt(args[2]);
    int connecting = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    new SseClients(port, clients, events, connecting).run();
  }

  /** One stream's parse state: how much of "data: " the current line matched, and its number. */
  private static final class Stream {
    final SocketChannel channel;
    int matched; // 0..6: bytes of the prefix matched; 6: reading digits; -1: skipping the line
    long value;
    int received;

    Stream(SocketChannel channel) {
      this.channel = channel;
    }
  }

  private void run() throws Exception {
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    byte[] request =
        ("GET /events HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    int opened = 0;
    int pending = 0;
    try (Selector selector = Selector.open()) {
      while (ended < clients) {
        while (opened < clients && pending < connecting) {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          Stream stream = new Stream(channel);
          opened++;
          pending++;
          if (channel.connect(address)) {
            pending--;
            send(stream, request);
            channel.register(selector, SelectionKey.OP_READ, stream);
          } else {
            channel.register(selector, SelectionKey.OP_CONNECT, stream);
          }
        }
        selector.select(1000);
        for (SelectionKey key : selector.selectedKeys()) {
          Stream stream = (Stream) key.attachment();
          try {
            if (key.isConnectable()) {
              stream.channel.finishConnect();
              pending--;
              key.interestOps(SelectionKey.OP_READ);
              send(stream, request);
            } else if (key.isReadable()) {
              read(key, stream, buffer);
            }
          } catch (IOException e) {
            if (!stream.channel.isConnected()) {
              pending--;
            }
            key.cancel();
            fail(stream, e);
          }
        }
        selector.selectedKeys().clear();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    for (SocketChannel channel : finished) {
      channel.close();
    }
    System.out.printf(
        Locale.ROOT,
        "clients delivered=%d of %d failedClients=%d shortStreams=%d p50=%.1fms p99=%.1fms"
            + " max=%.1fms min=%.2fms clientCpu=%.1fs clientWall=%.1fs%s%n",
        delivered,
        (long) clients * events,
        failed,
        shortStreams,
        percentile(0.50),
        percentile(0.99),
        maxLatency / 1e6,
        delivered == 0 ? 0 : minLatency / 1e6,
        (cpuNanos() - cpu0) / 1e9,
        seconds,
        firstFailure.isEmpty() ? "" : " firstFailure=" + firstFailure);
    StringBuilder timeline = new StringBuilder("late events (over 100 ms)/max ms by second:");
    for (int s = 0; s < lateBySecond.length; s++) {
      if (maxBySecond[s] > 0) {
        timeline.append(
            String.format(Locale.ROOT, " %d:%d/%.0f", s, lateBySecond[s], maxBySecond[s] / 1e6));
      }
    }
    System.err.println(timeline);
  }

  private static void send(Stream stream, byte[] request) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(request);
    while (out.hasRemaining()) {
      if (stream.channel.write(out) == 0) {
        Thread.onSpinWait(); // a fresh socket takes a hundred bytes at once: not seen to loop
      }
    }
  }

  private void read(SelectionKey key, Stream stream, ByteBuffer buffer) throws IOException {
    buffer.clear();
    int n = stream.channel.read(buffer);
    long now = System.nanoTime(); // the events in these bytes arrived by now
    if (n < 0) {
      if (stream.received < events) {
        shortStreams++;
      }
      close(key, stream);
      return;
    }
    for (int i = 0; i < n; i++) {
      byte b = buffer.get(i);
      if (b == '\n' || b == '\r') {
        if (stream.matched == PREFIX.length) {
          event(stream, now - stream.value, now);
        }
        stream.matched = 0;
        stream.value = 0;
      } else if (stream.matched == PREFIX.length) {
        stream.value = stream.value * 10 + (b - '0');
      } else if (stream.matched >= 0) {
        stream.matched = b == PREFIX[stream.matched] ? stream.matched + 1 : -1;
      }
    }
    if (stream.received >= events) {
      close(key, stream);
    }
  }

  private void event(Stream stream, long latency, long now) {
    if (delivered == 0) {
      firstEvent = now;
    }
    int second = (int) Math.min(lateBySecond.length - 1, (now - firstEvent) / 1_000_000_000L);
    lateBySecond[second] += latency > 100_000_000L ? 1 : 0;
    maxBySecond[second] = Math.max(maxBySecond[second], latency);
    stream.received++;
    delivered++;
    maxLatency = Math.max(maxLatency, latency);
    minLatency = Math.min(minLatency, latency);
    histogram[(int) Math.min(histogram.length - 1, Math.max(0, latency / BUCKET_NANOS))]++;
  }

  /**
   * Stops reading a stream that ended; its socket is closed after the run: closing a loopback
   * socket costs the one client thread tens of µs of kernel work, which would delay the other
   * streams.
   */
  private void close(SelectionKey key, Stream stream) {
    key.cancel();
    finished.add(stream.channel);
    ended++;
  }

  private void fail(Stream stream, IOException e) {
    failed++;
    ended++;
    if (firstFailure.isEmpty()) {
      firstFailure = "'" + e + "'";
    }
    try {
      stream.channel.close();
    } catch (IOException ignored) {
      // failed already
    }
  }

  /** The latency below which {@code fraction} of the events arrived, in ms (bucket's upper end). */
  private double percentile(double fraction) {
    long want = (long) Math.ceil(delivered * fraction);
    long seen = 0;
    for (int b = 0; b < histogram.length; b++) {
      seen += histogram[b];
      if (seen >= want && want > 0) {
        return (b + 1) * BUCKET_NANOS / 1e6;
      }
    }
    return 0;
  }

  static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
