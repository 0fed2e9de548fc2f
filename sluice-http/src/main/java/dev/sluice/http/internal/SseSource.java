package dev.sluice.http.internal;

import dev.sluice.Clock;
import dev.sluice.Emitter;
import dev.sluice.Generator;
import dev.sluice.http.HttpException;
import dev.sluice.http.ServerSentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The generator of an SSE client source: connects, parses, emits, and after a network error or the
 * end of the stream reconnects with {@code Last-Event-ID}, waiting the server's {@code retry} time
 * (or the configured one), doubled for each further connection in a row that brought no event, up
 * to a cap. A non-200 status or another content type fails at once; 204 ends the source.
 */
public final class SseSource implements Generator<ServerSentEvent> {
  private final HttpClient client;
  private final URI uri;
  private final Map<String, String> headers;
  private final int maxLineLength;
  private final int maxEventSize;
  private final long reconnectMillis;
  private final long maxReconnectMillis;
  private final int maxReconnects;
  private final Clock clock;

  /** A source of {@code uri}'s events. */
  public SseSource(
      HttpClient client,
      URI uri,
      Map<String, String> headers,
      int maxLineLength,
      int maxEventSize,
      Duration reconnectDelay,
      Duration maxReconnectDelay,
      int maxReconnects,
      Clock clock) {
    this.client = client;
    this.uri = uri;
    this.headers = headers;
    this.maxLineLength = maxLineLength;
    this.maxEventSize = maxEventSize;
    this.reconnectMillis = reconnectDelay.toMillis();
    this.maxReconnectMillis = maxReconnectDelay.toMillis();
    this.maxReconnects = maxReconnects;
    this.clock = clock;
  }

  @Override
  public void generate(Emitter<ServerSentEvent> out) throws Exception {
    SseParser parser = new SseParser(maxLineLength, maxEventSize, uri.toString());
    int idle = 0;
    while (true) {
      parser.reset();
      boolean[] received = {false};
      IOException failure = null;
      try {
        if (!readOnce(parser, out, received)) {
          return;
        }
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("SSE read of " + uri + " interrupted");
        }
        failure = e;
      }
      idle = received[0] ? 1 : idle + 1;
      if (maxReconnects >= 0 && idle > maxReconnects) {
        throw new HttpException(
            "SSE " + uri + ": no event in " + idle + " connections in a row (maxReconnects)",
            -1,
            failure);
      }
      long base = parser.retryMillis() >= 0 ? parser.retryMillis() : reconnectMillis;
      long wait = Math.min(Math.max(base, maxReconnectMillis), backoff(base, idle));
      clock.sleep(Duration.ofMillis(wait));
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request)
      throws IOException, InterruptedException {
    return Exchanges.send(client, request);
  }

  private static long backoff(long base, int idle) {
    int shift = Math.min(idle - 1, 30);
    return base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
  }

  /** One connection; false if the server said 204 (stop). */
  private boolean readOnce(SseParser parser, Emitter<ServerSentEvent> out, boolean[] received)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .header("Accept", "text/event-stream")
            .header("Cache-Control", "no-cache");
    headers.forEach(request::header);
    if (!parser.lastEventId().isEmpty()) {
      request.header("Last-Event-ID", parser.lastEventId());
    }
    HttpResponse<InputStream> response = send(request.build());
    try (InputStream in = response.body()) {
      int status = response.statusCode();
      if (status == 204) {
        return false;
      }
      if (status != 200) {
        throw new HttpException(
            "SSE " + uri + " answered status " + status + " (not retried)", status, null);
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (!type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
        throw new HttpException(
            "SSE " + uri + " answered Content-Type '" + type + "', not text/event-stream",
            status,
            null);
      }
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        parser.feed(
            buffer,
            0,
            n,
            event -> {
              received[0] = true;
              out.emit(event);
            });
      }
      return true;
    }
  }
}
