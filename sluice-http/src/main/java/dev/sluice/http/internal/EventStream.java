package dev.sluice.http.internal;

import dev.sluice.Cancellation;
import dev.sluice.Clock;
import dev.sluice.Pipe;
import dev.sluice.http.ServerSentEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * Writes a pipe of events to one Jetty response as {@code text/event-stream}, on the handler's
 * (virtual) thread. The events run on a thread of {@link Pipe#merge} next to a heartbeat timer on
 * the given clock; at most {@link Pipe#DEFAULT_BUFFER} events wait for a slow client, and a full
 * buffer blocks the upstream. A failed write (the client went away) or a request failure Jetty
 * reports ends the run: the upstream is interrupted and joined and its resources closed before
 * {@link #serve} returns.
 */
public final class EventStream {
  private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final Object END = new Object();
  private static final Object TICK = new Object();

  private EventStream() {}

  /** Starts the response and writes {@code events} with heartbeats until they end or fail. */
  public static void serve(
      Request request,
      Response response,
      Pipe<ServerSentEvent> events,
      Duration heartbeat,
      Clock clock,
      Cancellation cancellation)
      throws IOException {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Accel-Buffering", "no");
    write(response, HEARTBEAT);
    request.addFailureListener(failure -> cancellation.cancel());
    Pipe<Object> ticks =
        Pipe.generate(
            out -> {
              while (true) {
                clock.sleep(heartbeat);
                out.emit(TICK);
              }
            });
    Pipe<Object> items = Pipe.concat(events.map(e -> (Object) e), Pipe.of(END));
    Pipe.merge(items, ticks)
        .takeWhile(item -> item != END)
        .withCancellation(cancellation)
        .forEach(
            item -> write(response, item == TICK ? HEARTBEAT : encode((ServerSentEvent) item)));
  }

  /** Writes and flushes {@code bytes}, blocking until written. */
  public static void write(Response response, byte[] bytes) throws IOException {
    try (Blocker.Callback callback = Blocker.callback()) {
      response.write(false, ByteBuffer.wrap(bytes), callback);
      callback.block();
    }
  }

  /** The wire form of {@code event}: id and event lines when set, a data line per line. */
  public static byte[] encode(ServerSentEvent event) {
    StringBuilder out = new StringBuilder(event.data().length() + 32);
    if (!event.id().isEmpty()) {
      out.append("id: ").append(singleLine(event.id(), "id")).append('\n');
    }
    if (!event.event().equals("message")) {
      out.append("event: ").append(singleLine(event.event(), "event")).append('\n');
    }
    String data = event.data();
    int start = 0;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append("data: ").append(data, start, i).append('\n');
        if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.append("data: ").append(data, start, data.length()).append("\n\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String singleLine(String value, String name) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "event " + name + " must be one line, was '" + value + "'");
    }
    return value;
  }
}
