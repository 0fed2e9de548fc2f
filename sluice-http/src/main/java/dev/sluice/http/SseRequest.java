package dev.sluice.http;

import java.util.Objects;

/**
 * What an {@link SseServer} client asked for: the path, the raw query and the {@code Last-Event-ID}
 * it sent ({@code ""} if none), so a feed can resume after that event.
 *
 * @param path the request path, from {@code /}
 * @param query the raw query string, {@code ""} if none
 * @param lastEventId the {@code Last-Event-ID} header, {@code ""} if none
 */
public record SseRequest(String path, String query, String lastEventId) {
  /** Checks the values. */
  public SseRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(lastEventId, "lastEventId");
  }
}
