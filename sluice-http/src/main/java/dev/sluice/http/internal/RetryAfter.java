package dev.sluice.http.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header: delay seconds or an HTTP date in any of the three formats a
 * recipient must accept (RFC 9110 5.6.7): the IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}),
 * the obsolete RFC 850 date ({@code Sunday, 06-Nov-94 08:49:37 GMT}, a two-digit year more than 50
 * years ahead meaning the last such year in the past) and asctime's ({@code Sun Nov 6 08:49:37
 * 1994}). The day of the week is not checked against the date in the obsolete forms.
 */
public final class RetryAfter {
  private static final Pattern RFC_850 =
      Pattern.compile("[A-Za-z]+, (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");
  private static final Pattern ASCTIME =
      Pattern.compile("[A-Za-z]{3} ([A-Za-z]{3}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private RetryAfter() {}

  /** The wait {@code value} asks for at {@code now}; empty if it is none of the forms. */
  public static Optional<Duration> parse(String value, Instant now) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(
          v.length() > 12
              ? Duration.ofSeconds(999_999_999_999L)
              : Duration.ofSeconds(Long.parseLong(v)));
    }
    return date(v, now).map(at -> at.isBefore(now) ? Duration.ZERO : Duration.between(now, at));
  }

  private static Optional<Instant> date(String v, Instant now) {
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // one of the obsolete forms, or none
    }
    try {
      Matcher m = RFC_850.matcher(v);
      if (m.matches()) {
        int year = 2000 + Integer.parseInt(m.group(3));
        Instant at = at(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
        if (at.isAfter(now.atZone(ZoneOffset.UTC).plusYears(50).toInstant())) {
          at = at.atZone(ZoneOffset.UTC).minusYears(100).toInstant();
        }
        return Optional.of(at);
      }
      m = ASCTIME.matcher(v);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(6));
        return Optional.of(
            at(year, m.group(1), m.group(2).trim(), m.group(3), m.group(4), m.group(5)));
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      // a field out of range: not a date
    }
    return Optional.empty();
  }

  private static Instant at(
      int year, String month, String day, String hour, String minute, String second) {
    int m = MONTHS.indexOf(month.toLowerCase(Locale.ROOT)) + 1;
    if (m == 0) {
      throw new IllegalArgumentException("no month " + month);
    }
    return LocalDateTime.of(
            year,
            m,
            Integer.parseInt(day),
            Integer.parseInt(hour),
            Integer.parseInt(minute),
            Integer.parseInt(second))
        .toInstant(ZoneOffset.UTC);
  }
}
