package dev.sluice.http.internal;

import java.net.http.HttpClient;
import java.time.Duration;

/** The JDK HTTP client the sources build when the caller gives none. */
public final class Clients {
  private Clients() {}

  /**
   * An HTTP/1.1 client (streamed responses stay on one plain connection) that follows redirects,
   * with the given connect timeout.
   */
  public static HttpClient following(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }
}
