package dev.sluice.http;

import java.util.Objects;

/**
 * One event of a {@code text/event-stream}: its id (the stream's last event id when it was
 * dispatched, {@code ""} if none), its type ({@code "message"} unless an {@code event:} field named
 * another) and its data (the {@code data:} lines joined with LF).
 *
 * <pre>{@code
 * new ServerSentEvent("42", "token", "{\"text\":\"Hi\"}");
 * }</pre>
 *
 * @param id the last event id, never null
 * @param event the event type, never null or empty
 * @param data the data, never null
 */
public record ServerSentEvent(String id, String event, String data) {
  /** Checks the values. */
  public ServerSentEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
    if (event.isEmpty()) {
      throw new IllegalArgumentException("event must not be empty");
    }
  }

  /** An event of type {@code message} with no id. */
  public static ServerSentEvent message(String data) {
    return new ServerSentEvent("", "message", data);
  }

  /** An event of type {@code event} with no id. */
  public static ServerSentEvent of(String event, String data) {
    return new ServerSentEvent("", event, data);
  }
}
