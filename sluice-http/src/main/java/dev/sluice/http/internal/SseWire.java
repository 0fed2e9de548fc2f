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
    byte[] ascii = encodeAscii(event);
    return ascii != null ? ascii : encodeAny(event);
  }

  /**
   * The common case without a second copy: every field ASCII, no CR in the data, one-line id and
   * event. Null otherwise.
   */
  private static byte[] encodeAscii(ServerSentEvent event) {
    String id = event.id();
    String type = event.event().equals("message") ? "" : event.event();
    String data = event.data();
    int lines = 1;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c >= 0x80 || c == '\r') {
        return null;
      }
      if (c == '\n') {
        lines++;
      }
    }
    if (!plainAscii(id) || !plainAscii(type)) {
      return null;
    }
    int size =
        (id.isEmpty() ? 0 : id.length() + 5)
            + (type.isEmpty() ? 0 : type.length() + 8)
            + data.length()
            + 6 * lines
            + 2; // each data line: "data: " and its LF (one LF came from the data), then a blank
    // line
    byte[] out = new byte[size];
    int at = 0;
    if (!id.isEmpty()) {
      at = line(out, at, "id: ", id, 0, id.length());
    }
    if (!type.isEmpty()) {
      at = line(out, at, "event: ", type, 0, type.length());
    }
    for (int start = 0, end; start <= data.length(); start = end + 1) {
      end = data.indexOf('\n', start);
      end = end < 0 ? data.length() : end;
      at = line(out, at, "data: ", data, start, end);
    }
    out[at] = '\n';
    return out;
  }

  private static boolean plainAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  private static int line(byte[] out, int at, String field, String value, int from, int to) {
    for (int i = 0; i < field.length(); i++) {
      out[at++] = (byte) field.charAt(i);
    }
    for (int i = from; i < to; i++) {
      out[at++] = (byte) value.charAt(i);
    }
    out[at++] = '\n';
    return at;
  }

  private static byte[] encodeAny(ServerSentEvent event) {
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
