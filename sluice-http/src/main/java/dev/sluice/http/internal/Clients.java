package dev.sluice.http.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK HTTP clients the sources use when the caller gives none: one per connect timeout and
 * redirect rule, shared by every run in the process. A JDK client has a selector thread of its own
 * for as long as it is reachable, so a client per call would be a thread per call; a shared one is
 * one thread, and its idle connections are reused (each run closes its own response, so nothing of
 * a run outlives it). At most {@value #MAX_SHARED} clients are kept; settings beyond those get a
 * client of their own per call. Thread-safe.
 */
public final class Clients {
  static final int MAX_SHARED = 8;

  private record Key(Duration connectTimeout, boolean follow) {}

  private static final Map<Key, HttpClient> SHARED = new ConcurrentHashMap<>();

  private Clients() {}

  /**
   * The shared HTTP/1.1 client (streamed responses stay on one plain connection) that follows
   * redirects, with the given connect timeout.
   */
  public static HttpClient following(Duration connectTimeout) {
    return shared(new Key(connectTimeout, true));
  }

  /** The shared HTTP/1.1 client that does not follow redirects, with the given connect timeout. */
  public static HttpClient plain(Duration connectTimeout) {
    return shared(new Key(connectTimeout, false));
  }

  private static HttpClient shared(Key key) {
    HttpClient client = SHARED.get(key);
    if (client != null) {
      return client;
    }
    if (SHARED.size() >= MAX_SHARED) {
      return build(key);
    }
    return SHARED.computeIfAbsent(key, Clients::build);
  }

  private static HttpClient build(Key key) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(key.connectTimeout())
        .followRedirects(key.follow() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
        .build();
  }
}
