package dev.sluice.http.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Query parameters of URIs. */
public final class Uris {
  private Uris() {}

  /** {@code uri} with query parameter {@code name} set to {@code value} (others kept in order). */
  public static URI withParam(URI uri, String name, String value) {
    String raw = uri.getRawQuery();
    StringBuilder query = new StringBuilder();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty() || decodedName(pair).equals(name)) {
          continue;
        }
        query.append(query.isEmpty() ? "" : "&").append(pair);
      }
    }
    query
        .append(query.isEmpty() ? "" : "&")
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    String s = uri.toString();
    int cut = s.indexOf('?');
    int hash = s.indexOf('#');
    String base = cut >= 0 ? s.substring(0, cut) : hash >= 0 ? s.substring(0, hash) : s;
    return URI.create(base + "?" + query);
  }

  /** The decoded value of query parameter {@code name}, if present. */
  public static Optional<String> param(URI uri, String name) {
    String raw = uri.getRawQuery();
    if (raw == null) {
      return Optional.empty();
    }
    for (String pair : raw.split("&")) {
      if (!pair.isEmpty() && decodedName(pair).equals(name)) {
        int eq = pair.indexOf('=');
        return Optional.of(
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static String decodedName(String pair) {
    int eq = pair.indexOf('=');
    return URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
  }
}
