package dev.sluice.http;

import dev.sluice.Clock;
import dev.sluice.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a paginated REST source ({@link Rest}): where the items are, how to find the next
 * page, retries, timeouts, limits and request headers. Immutable and thread-safe; build with {@link
 * #builder()}; {@link #toString()} lists every value (header names only: values may be
 * credentials).
 *
 * <pre>{@code
 * RestSettings settings = RestSettings.builder()
 *     .items("/data")
 *     .pagination(Pagination.cursor("after", "/meta/next"))
 *     .header("Authorization", "Bearer " + token)
 *     .retry(RetryPolicy.attempts(5))
 *     .build();
 * }</pre>
 */
public final class RestSettings {
  private final String items;
  private final Pagination pagination;
  private final RetryPolicy retry;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration maxRetryAfter;
  private final long maxPageBytes;
  private final long maxPages;
  private final Map<String, String> headers;
  private final Clock clock;

  private RestSettings(Builder b) {
    this.items = b.items;
    this.pagination = b.pagination;
    this.retry = b.retry;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxRetryAfter = b.maxRetryAfter;
    this.maxPageBytes = b.maxPageBytes;
    this.maxPages = b.maxPages;
    this.headers = Map.copyOf(b.headers);
    this.clock = b.clock;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: the page is the array of items, paged by the {@code Link} header. */
  public static RestSettings defaults() {
    return builder().build();
  }

  /** The JSON pointer of the items array in a page ({@code ""}, the default: the page itself). */
  public String items() {
    return items;
  }

  /** How the next page is found (default {@link Pagination#linkHeader()}). */
  public Pagination pagination() {
    return pagination;
  }

  /**
   * Retries of a page on network errors, 429 and 5xx (default 5 attempts, 100 ms doubling to 10 s).
   * Attempts count the consecutive failures of one page; a fetched page resets the count.
   */
  public RetryPolicy retry() {
    return retry;
  }

  /** The connect timeout (default 10 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The time for a page's response to start (default 30 s). */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The longest {@code Retry-After} honoured; a longer one fails the page (default 10 min). */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The largest page body in bytes (default 64 MiB). */
  public long maxPageBytes() {
    return maxPageBytes;
  }

  /** The most pages a run fetches, -1 for no limit (default). */
  public long maxPages() {
    return maxPages;
  }

  /** Extra request headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The clock the retry waits read (default {@link Clock#system()}). */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "RestSettings[items='"
        + items
        + "', pagination="
        + pagination
        + ", retry="
        + retry.maxAttempts()
        + " attempts "
        + retry.initialDelay()
        + "*"
        + retry.multiplier()
        + " to "
        + retry.maxDelay()
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", maxPageBytes="
        + maxPageBytes
        + ", maxPages="
        + maxPages
        + ", headers="
        + headers.keySet()
        + ", clock="
        + clock
        + "]";
  }

  /** Builds {@link RestSettings}; every setter checks its value and names it when it fails. */
  public static final class Builder {
    private String items = "";
    private Pagination pagination = Pagination.linkHeader();
    private RetryPolicy retry = RetryPolicy.attempts(5);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofMinutes(10);
    private long maxPageBytes = 64L << 20;
    private long maxPages = -1;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Clock clock = Clock.system();

    private Builder() {}

    /** See {@link RestSettings#items()}. */
    public Builder items(String pointer) {
      Objects.requireNonNull(pointer, "items");
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        throw new IllegalArgumentException(
            "items must be a JSON pointer (empty or starting with /), was '" + pointer + "'");
      }
      this.items = pointer;
      return this;
    }

    /** See {@link RestSettings#pagination()}. */
    public Builder pagination(Pagination pagination) {
      this.pagination = Objects.requireNonNull(pagination, "pagination");
      return this;
    }

    /** See {@link RestSettings#retry()}. */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** See {@link RestSettings#connectTimeout()}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Settings.positive(timeout, "connectTimeout");
      return this;
    }

    /** See {@link RestSettings#requestTimeout()}. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Settings.positive(timeout, "requestTimeout");
      return this;
    }

    /** See {@link RestSettings#maxRetryAfter()}. */
    public Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = Settings.notNegative(max, "maxRetryAfter");
      return this;
    }

    /** See {@link RestSettings#maxPageBytes()}. */
    public Builder maxPageBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxPageBytes must be > 0, was " + bytes);
      }
      this.maxPageBytes = bytes;
      return this;
    }

    /** See {@link RestSettings#maxPages()}. */
    public Builder maxPages(long pages) {
      if (pages < -1 || pages == 0) {
        throw new IllegalArgumentException("maxPages must be > 0 or -1, was " + pages);
      }
      this.maxPages = pages;
      return this;
    }

    /** Adds a request header (its value is not shown by {@code toString}). */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds the request header written as {@code "Name: value"} (as in a request; the name and the
     * value trimmed), such as {@code "Authorization: Bearer abc"}. The value is never shown, not
     * even in the error for a line without a name.
     */
    public Builder header(String line) {
      Objects.requireNonNull(line, "line");
      int colon = line.indexOf(':');
      if (colon <= 0 || line.substring(0, colon).isBlank()) {
        throw new IllegalArgumentException("header must be 'Name: value', was one without a name");
      }
      return header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }

    /** See {@link RestSettings#clock()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The settings. */
    public RestSettings build() {
      return new RestSettings(this);
    }
  }
}
