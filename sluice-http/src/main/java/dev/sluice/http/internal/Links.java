package dev.sluice.http.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the {@code rel="next"} target of RFC 8288 {@code Link} header values. */
public final class Links {
  private Links() {}

  /** The target of the first link whose {@code rel} has the token {@code next}. */
  public static Optional<String> next(List<String> headerValues) {
    for (String header : headerValues) {
      int i = 0;
      while (true) {
        int open = header.indexOf('<', i);
        if (open < 0) {
          break;
        }
        int close = header.indexOf('>', open);
        if (close < 0) {
          break;
        }
        String target = header.substring(open + 1, close);
        int nextLink = header.indexOf('<', close);
        String params = header.substring(close + 1, nextLink < 0 ? header.length() : nextLink);
        if (hasNextRel(params)) {
          return Optional.of(target.trim());
        }
        i = close + 1;
      }
    }
    return Optional.empty();
  }

  private static boolean hasNextRel(String params) {
    for (String param : params.split(";")) {
      String p = param.trim();
      int eq = p.indexOf('=');
      if (eq < 0 || !p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
        continue;
      }
      String value = p.substring(eq + 1).trim();
      if (value.endsWith(",")) {
        value = value.substring(0, value.length() - 1).trim();
      }
      if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
        value = value.substring(1, value.length() - 1);
      }
      for (String rel : value.toLowerCase(Locale.ROOT).split("\\s+")) {
        if (rel.equals("next")) {
          return true;
        }
      }
    }
    return false;
  }
}
