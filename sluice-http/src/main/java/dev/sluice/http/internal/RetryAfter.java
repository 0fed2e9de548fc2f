package dev.sluice.http.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date. */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait {@code value} asks for at {@code now}; empty if it is neither form. */
  public static Optional<Duration> parse(String value, Instant now) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(
          v.length() > 12
              ? Duration.ofSeconds(999_999_999_999L)
              : Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
