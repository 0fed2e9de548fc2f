package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.http.internal.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isPresent();
  }

  @Test
  void readsTheImfFixdate() {
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  /** RFC 9110 5.6.7: a recipient must accept all three HTTP-date formats. */
  @Test
  void readsTheObsoleteRfc850AndAsctimeDates() {
    assertThat(RetryAfter.parse("Thursday, 01-Jan-26 00:01:00 GMT", NOW))
        .contains(Duration.ofMinutes(1));
    assertThat(RetryAfter.parse("Thu Jan  1 00:00:45 2026", NOW)).contains(Duration.ofSeconds(45));
    assertThat(RetryAfter.parse("Sat Jan 10 00:00:00 2026", NOW)).contains(Duration.ofDays(9));
  }

  /** RFC 9110: a two-digit year more than 50 years ahead is the last such year in the past. */
  @Test
  void readsATwoDigitYearAsAtMost50YearsAhead() {
    assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Monday, 01-Jan-35 00:00:00 GMT", NOW))
        .contains(Duration.between(NOW, Instant.parse("2035-01-01T00:00:00Z")));
  }

  @Test
  void ignoresAnythingElse() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30", NOW)).isEmpty();
  }
}
