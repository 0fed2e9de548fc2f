package dev.sluice.http.internal;

import dev.sluice.http.ServerSentEvent;
import java.nio.charset.StandardCharsets;

/** The wire form of server-sent events. */
public final class SseWire {
  /** The heartbeat comment, also the first bytes of every stream (it commits the headers). */
  public static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

  private SseWire() {}

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
