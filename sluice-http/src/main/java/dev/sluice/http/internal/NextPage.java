package dev.sluice.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.http.HttpException;
import dev.sluice.http.Pagination;
import java.net.URI;

/** Where the page after a fetched page is, by a {@link Pagination}. */
public final class NextPage {
  private NextPage() {}

  /** The URL of the first page: offset pagination adds its parameters. */
  public static URI first(Pagination pagination, URI uri) {
    if (pagination.kind() != Pagination.Kind.OFFSET) {
      return uri;
    }
    String offset = Uris.param(uri, pagination.param()).orElse("0");
    URI with = Uris.withParam(uri, pagination.param(), offset);
    return Uris.withParam(with, pagination.limitParam(), Integer.toString(pagination.limit()));
  }

  /** The next page's URL, or null if {@code page} is the last. */
  public static URI after(Pagination pagination, PageFetcher.Fetched page) {
    URI uri = page.uri();
    return switch (pagination.kind()) {
      case NONE -> null;
      case LINK_HEADER ->
          Links.next(page.headers().allValues("Link")).map(uri::resolve).orElse(null);
      case NEXT_LINK -> {
        String next = text(page.body().at(pagination.pointer()));
        yield next == null ? null : uri.resolve(next);
      }
      case CURSOR -> {
        String cursor = text(page.body().at(pagination.pointer()));
        yield cursor == null ? null : Uris.withParam(uri, pagination.param(), cursor);
      }
      case OFFSET -> {
        if (page.items().size() < pagination.limit()) {
          yield null;
        }
        long offset;
        String current = Uris.param(uri, pagination.param()).orElse("0");
        try {
          offset = Long.parseLong(current);
        } catch (NumberFormatException e) {
          throw new HttpException(
              "page " + uri + " has a non-numeric " + pagination.param() + " '" + current + "'");
        }
        yield Uris.withParam(uri, pagination.param(), Long.toString(offset + page.items().size()));
      }
    };
  }

  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    String text = node.asText();
    return text.isEmpty() ? null : text;
  }
}
