package dev.sluice.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Page;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.http.Pagination;
import dev.sluice.http.RestSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A paginated REST source over {@link Pipe#paginate}: a page is fetched only when every item of the
 * one before was taken, so at most one page is held. Positions are {@code "<skip> <url>"} (the page
 * to fetch and how many of its items were emitted) or {@code "end"}.
 */
public final class RestSource implements Resumable<JsonNode> {
  private static final String END = "end";

  private record Cursor(URI uri, int skip, long page) {}

  private final URI first;
  private final Pagination pagination;
  private final long maxPages;
  private final PageFetcher fetcher;

  /** A source starting at {@code first}. */
  public RestSource(URI first, RestSettings settings, PageFetcher fetcher) {
    this.first = NextPage.first(settings.pagination(), first);
    this.pagination = settings.pagination();
    this.maxPages = settings.maxPages();
    this.fetcher = fetcher;
  }

  @Override
  public Pipe<Positioned<JsonNode>> after(Optional<String> position) {
    if (position.isPresent() && position.get().equals(END)) {
      return Pipe.empty();
    }
    Cursor start = position.map(RestSource::parse).orElse(new Cursor(first, 0, 1));
    return Pipe.paginate(start, this::page);
  }

  private Page<Cursor, Positioned<JsonNode>> page(Cursor cursor) throws Exception {
    PageFetcher.Fetched page = fetcher.fetch(cursor.uri());
    URI next = NextPage.after(pagination, page);
    List<JsonNode> items = page.items();
    List<Positioned<JsonNode>> out = new ArrayList<>(Math.max(0, items.size() - cursor.skip()));
    String afterPage = next == null ? END : "0 " + next;
    for (int i = cursor.skip(); i < items.size(); i++) {
      String position = i == items.size() - 1 ? afterPage : (i + 1) + " " + cursor.uri();
      out.add(new Positioned<>(items.get(i), position));
    }
    boolean last = next == null || (maxPages > 0 && cursor.page() >= maxPages);
    return last ? Page.last(out) : Page.of(out, new Cursor(next, 0, cursor.page() + 1));
  }

  /** Whether {@code position} is that after a page's last item: the next page's, or the end. */
  public static boolean endsPage(String position) {
    return position.equals(END) || position.startsWith("0 ");
  }

  private static Cursor parse(String position) {
    int space = position.indexOf(' ');
    try {
      int skip = Integer.parseInt(position.substring(0, Math.max(space, 0)));
      URI uri = URI.create(position.substring(space + 1));
      if (skip < 0 || !uri.isAbsolute()) {
        throw new IllegalArgumentException();
      }
      return new Cursor(uri, skip, 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a position of a REST source: '" + position + "' (expected '<skip> <url>' or 'end')");
    }
  }
}
