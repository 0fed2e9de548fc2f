package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.http.internal.Clients;
import dev.sluice.http.internal.PageFetcher;
import dev.sluice.http.internal.RestSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.Optional;

/**
 * Paginated JSON REST APIs as sources: each run GETs the first page, emits the items at {@link
 * RestSettings#items()}, then fetches the page {@link RestSettings#pagination()} names, until there
 * is none. Runs on the calling thread; a page is fetched only after every item of the one before
 * was taken (no prefetch, at most one page held), so an early stop fetches nothing more. Network
 * errors, 429 and 5xx are retried by {@link RestSettings#retry()} honouring {@code Retry-After}; a
 * failing page fails the run with an {@link HttpException} naming its URL, status and attempt.
 *
 * <pre>{@code
 * Pipe<JsonNode> users = Rest.items(URI.create("https://api.example.com/users"),
 *     RestSettings.builder().items("/data").pagination(Pagination.nextLink("/next")).build());
 * }</pre>
 */
public final class Rest {
  private Rest() {}

  /** The items of every page from {@code first}. */
  public static Pipe<JsonNode> items(URI first, RestSettings settings) {
    return resumable(first, settings).after(Optional.empty()).map(Positioned::item);
  }

  /**
   * The same source as {@link #items}, resumable: each item comes with the position after it (the
   * URL of its page and how many of its items were emitted, or the next page's URL after a page's
   * last item), and {@link Resumable#after} refetches from there. Use with {@link
   * dev.sluice.Checkpoints#resume}. Runs share one HTTP/1.1 client per connect timeout (no thread
   * per call); {@link #resumable(HttpClient, URI, RestSettings)} takes a client of your own.
   */
  public static Resumable<JsonNode> resumable(URI first, RestSettings settings) {
    Objects.requireNonNull(settings, "settings");
    HttpClient client = Clients.following(settings.connectTimeout());
    return resumable(client, first, settings);
  }

  /**
   * Whether {@code position}, one of those {@link #resumable} gives, is the position after a page's
   * last item (the next page's URL, or the end). A resumable sink that commits once per page (so a
   * rerun refetches no page it already wrote) commits at these positions.
   */
  public static boolean endsPage(String position) {
    return RestSource.endsPage(position);
  }

  /** Like {@link #resumable(URI, RestSettings)}, over the given client. */
  public static Resumable<JsonNode> resumable(HttpClient client, URI first, RestSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(settings, "settings");
    if (!first.isAbsolute()) {
      throw new IllegalArgumentException("first must be an absolute URL, was " + first);
    }
    return new RestSource(first, settings, new PageFetcher(client, settings));
  }
}
