package dev.sluice.http.internal;

import dev.sluice.http.HttpException;
import dev.sluice.http.ServerSentEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A byte-level {@code text/event-stream} parser following the WHATWG rules: one leading BOM
 * stripped; CRLF, LF and CR line ends (a CR that ends one chunk and an LF that starts the next are
 * one line end); {@code :} comments; {@code data} lines joined with LF; {@code event}; {@code id}
 * ignored when it contains NUL; {@code retry} only when all ASCII digits; an event dispatched only
 * on a blank line. Lines are decoded as UTF-8 with replacement.
 *
 * <p>One parser reads one connection after another ({@link #reset()} between them keeps the last
 * event id and the retry time). Not thread-safe.
 */
public final class SseParser {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final int maxLineLength;
  private final int maxEventSize;
  private final String source;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean afterCr;
  private boolean firstLine = true;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String eventType = "";
  private String idBuffer = "";
  private String lastEventId = "";
  private long retryMillis = -1;

  /**
   * A parser with limits; {@code source} (a URL) names the stream in errors.
   *
   * @param maxLineLength the longest line in bytes
   * @param maxEventSize the largest event data in chars
   */
  public SseParser(int maxLineLength, int maxEventSize, String source) {
    this.maxLineLength = maxLineLength;
    this.maxEventSize = maxEventSize;
    this.source = source;
  }

  /** Starts a new stream: drops a partial line and event, keeps the last event id and retry. */
  public void reset() {
    lineLength = 0;
    afterCr = false;
    firstLine = true;
    data.setLength(0);
    hasData = false;
    eventType = "";
    idBuffer = lastEventId;
  }

  /** The stream's last event id, {@code ""} if none. */
  public String lastEventId() {
    return lastEventId;
  }

  /** The reconnection time the stream asked for in ms, or -1 if it did not. */
  public long retryMillis() {
    return retryMillis;
  }

  /** Parses {@code length} bytes and hands every event they complete to {@code events}. */
  public void feed(byte[] bytes, int offset, int length, Consumer<ServerSentEvent> events) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        if (afterCr) {
          afterCr = false;
          continue;
        }
        endLine(events);
      } else if (b == '\r') {
        endLine(events);
        afterCr = true;
      } else {
        afterCr = false;
        if (lineLength == line.length) {
          grow();
        }
        line[lineLength++] = b;
      }
    }
  }

  private void grow() {
    if (lineLength >= maxLineLength) {
      throw new HttpException(
          "SSE line longer than maxLineLength ("
              + maxLineLength
              + " bytes) in "
              + source
              + "; raise SseSettings.maxLineLength");
    }
    line = Arrays.copyOf(line, (int) Math.min(maxLineLength, 2L * line.length));
  }

  private void endLine(Consumer<ServerSentEvent> events) {
    int start = 0;
    if (firstLine) {
      firstLine = false;
      if (lineLength >= 3 && Arrays.equals(line, 0, 3, BOM, 0, 3)) {
        start = 3;
      }
    }
    int length = lineLength - start;
    lineLength = 0;
    if (length == 0) {
      dispatch(events);
      return;
    }
    if (line[start] == ':') {
      return;
    }
    int colon = -1;
    for (int i = start; i < start + length; i++) {
      if (line[i] == ':') {
        colon = i;
        break;
      }
    }
    String field;
    String value;
    if (colon < 0) {
      field = new String(line, start, length, StandardCharsets.UTF_8);
      value = "";
    } else {
      field = new String(line, start, colon - start, StandardCharsets.UTF_8);
      int v = colon + 1;
      if (v < start + length && line[v] == ' ') {
        v++;
      }
      value = new String(line, v, start + length - v, StandardCharsets.UTF_8);
    }
    field(field, value);
  }

  private void field(String field, String value) {
    switch (field) {
      case "data" -> {
        if (data.length() + value.length() + 1 > maxEventSize) {
          throw new HttpException(
              "SSE event data larger than maxEventSize ("
                  + maxEventSize
                  + " chars) in "
                  + source
                  + "; raise SseSettings.maxEventSize");
        }
        data.append(value).append('\n');
        hasData = true;
      }
      case "event" -> eventType = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          idBuffer = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          retryMillis = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
        }
      }
      default -> {}
    }
  }

  private void dispatch(Consumer<ServerSentEvent> events) {
    lastEventId = idBuffer;
    if (!hasData) {
      eventType = "";
      return;
    }
    data.setLength(data.length() - 1);
    String type = eventType.isEmpty() ? "message" : eventType;
    ServerSentEvent event = new ServerSentEvent(lastEventId, type, data.toString());
    data.setLength(0);
    hasData = false;
    eventType = "";
    events.accept(event);
  }
}
