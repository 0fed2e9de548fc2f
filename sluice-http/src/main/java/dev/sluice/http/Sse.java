package dev.sluice.http;

import dev.sluice.Pipe;
import dev.sluice.http.internal.Clients;
import dev.sluice.http.internal.SseSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * Server-sent events: a client source ({@link #events}) and a server ({@link SseServer}).
 *
 * <pre>{@code
 * Sse.events(URI.create("http://localhost:8080/feed"), SseSettings.defaults())
 *     .take(100)
 *     .forEach(event -> System.out.println(event.data()));
 * }</pre>
 */
public final class Sse {
  private Sse() {}

  /**
   * The events of an {@code text/event-stream}, parsed by the WHATWG rules (see {@link
   * dev.sluice.http the package doc}). Each run connects on the calling thread (HTTP/1.1) and
   * reconnects after a network error or the end of the stream, sending {@code Last-Event-ID} and
   * waiting the server's {@code retry} time (or {@link SseSettings#reconnectDelay()}), doubled for
   * each further connection in a row that brought no event, up to {@link
   * SseSettings#maxReconnectDelay()}. A status other than 200 or a content type other than {@code
   * text/event-stream} fails the run with {@link HttpException} and is not retried; 204 ends it.
   * The source never ends otherwise: stop it with {@code take}, a timeout or an interrupt, which
   * closes the connection. Runs share one HTTP/1.1 client per connect timeout (no thread per call);
   * pass a client of your own to {@link #events(HttpClient, URI, SseSettings)} for other client
   * settings.
   */
  public static Pipe<ServerSentEvent> events(URI uri, SseSettings settings) {
    Objects.requireNonNull(settings, "settings");
    HttpClient client = Clients.following(settings.connectTimeout());
    return events(client, uri, settings);
  }

  /** Like {@link #events(URI, SseSettings)}, over the given client. */
  public static Pipe<ServerSentEvent> events(HttpClient client, URI uri, SseSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(settings, "settings");
    return Pipe.generate(
        new SseSource(
            client,
            uri,
            settings.headers(),
            settings.maxLineLength(),
            settings.maxEventSize(),
            settings.reconnectDelay(),
            settings.maxReconnectDelay(),
            settings.maxReconnects(),
            settings.clock()));
  }
}
