package dev.sluice.http;

import java.util.Objects;

/**
 * How a paginated REST source finds the next page: a {@code Link: <...>; rel="next"} header, a
 * next-page URL in the page, a cursor in the page sent back as a query parameter, or an offset.
 * Immutable; {@code toString} shows the kind and its values.
 *
 * <pre>{@code
 * Pagination.linkHeader();
 * Pagination.nextLink("/links/next");
 * Pagination.cursor("after", "/meta/next_cursor");
 * Pagination.offset("offset", "limit", 100);
 * }</pre>
 */
public final class Pagination {
  /** The kinds of pagination. */
  public enum Kind {
    /** One page only. */
    NONE,
    /** The {@code rel="next"} URL of the {@code Link} header. */
    LINK_HEADER,
    /** The URL at a JSON pointer of the page, resolved against the page's URL. */
    NEXT_LINK,
    /** The value at a JSON pointer of the page, sent as a query parameter. */
    CURSOR,
    /** An offset query parameter advanced by the page's item count. */
    OFFSET
  }

  private final Kind kind;
  private final String pointer;
  private final String param;
  private final String limitParam;
  private final int limit;

  private Pagination(Kind kind, String pointer, String param, String limitParam, int limit) {
    this.kind = kind;
    this.pointer = pointer;
    this.param = param;
    this.limitParam = limitParam;
    this.limit = limit;
  }

  /** A single page. */
  public static Pagination none() {
    return new Pagination(Kind.NONE, null, null, null, 0);
  }

  /** Follows the {@code Link} header's {@code rel="next"}; ends when there is none. */
  public static Pagination linkHeader() {
    return new Pagination(Kind.LINK_HEADER, null, null, null, 0);
  }

  /**
   * Follows the URL at {@code pointer} (a JSON pointer such as {@code /next}); ends when it is
   * missing, null or empty.
   */
  public static Pagination nextLink(String pointer) {
    return new Pagination(Kind.NEXT_LINK, checkPointer(pointer), null, null, 0);
  }

  /**
   * Sends the value at {@code pointer} as query parameter {@code param} of the first URL; ends when
   * it is missing, null or empty.
   */
  public static Pagination cursor(String param, String pointer) {
    return new Pagination(Kind.CURSOR, checkPointer(pointer), checkParam(param, "param"), null, 0);
  }

  /**
   * Sends {@code offsetParam} (from 0, or the first URL's value) and {@code limitParam} = {@code
   * limit}; ends after a page with fewer than {@code limit} items.
   */
  public static Pagination offset(String offsetParam, String limitParam, int limit) {
    return new Pagination(
        Kind.OFFSET,
        null,
        checkParam(offsetParam, "offsetParam"),
        checkParam(limitParam, "limitParam"),
        Settings.positive(limit, "limit"));
  }

  private static String checkPointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw new IllegalArgumentException(
          "pointer must be a JSON pointer (empty or starting with /), was '" + pointer + "'");
    }
    return pointer;
  }

  private static String checkParam(String param, String name) {
    Objects.requireNonNull(param, name);
    if (param.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return param;
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The JSON pointer of the next link or cursor, or null. */
  public String pointer() {
    return pointer;
  }

  /** The cursor or offset query parameter, or null. */
  public String param() {
    return param;
  }

  /** The limit query parameter of offset pagination, or null. */
  public String limitParam() {
    return limitParam;
  }

  /** The page size of offset pagination, or 0. */
  public int limit() {
    return limit;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "none";
      case LINK_HEADER -> "linkHeader";
      case NEXT_LINK -> "nextLink(" + pointer + ")";
      case CURSOR -> "cursor(" + param + ", " + pointer + ")";
      case OFFSET -> "offset(" + param + ", " + limitParam + ", " + limit + ")";
    };
  }
}
