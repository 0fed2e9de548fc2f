package dev.sluice.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.RetryPolicy;
import dev.sluice.http.HttpException;
import dev.sluice.http.RestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fetches one JSON page with retries: network errors, 429 and 5xx are retried by the settings'
 * {@link RetryPolicy}, waiting what {@code Retry-After} asks (seconds or an HTTP date) or else the
 * policy's backoff. Attempts count the consecutive failures of this page. Thread-safe.
 */
public final class PageFetcher {
  /** A fetched page: its URL, items, body and headers. */
  public record Fetched(URI uri, List<JsonNode> items, JsonNode body, HttpHeaders headers) {}

  private final HttpClient client;
  private final RestSettings settings;
  private final ObjectMapper mapper;

  /** A fetcher over {@code client}. */
  public PageFetcher(HttpClient client, RestSettings settings) {
    this.client = client;
    this.settings = settings;
    // decimals as written (19.90 stays 19.90, 12345678901234567.89 keeps its digits), not doubles
    this.mapper =
        new ObjectMapper(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder().maxDocumentLength(-1).build())
                    .build())
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(
        com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  /** The page at {@code uri}. */
  public Fetched fetch(URI uri) throws Exception {
    RetryPolicy policy = settings.retry();
    int max = policy.maxAttempts();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json");
    settings.headers().forEach(request::header);
    for (int attempt = 1; ; attempt++) {
      String at = " on attempt " + attempt + " of " + max;
      Duration wait;
      try {
        HttpResponse<InputStream> response = Exchanges.send(client, request.build());
        try (InputStream in = response.body()) {
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            return parse(uri, in, response.headers());
          }
          boolean retried = status == 429 || status >= 500;
          HttpException failure =
              new HttpException(
                  "GET "
                      + uri
                      + " failed: status "
                      + status
                      + at
                      + (retried ? "" : " (not retried)"),
                  status,
                  null);
          if (!retried || !policy.retries(failure, attempt)) {
            throw failure;
          }
          wait = retryAfter(uri, response.headers(), at).orElse(policy.delayAfter(attempt));
        }
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("GET " + uri + " interrupted");
        }
        if (!policy.retries(e, attempt)) {
          throw new HttpException("GET " + uri + " failed" + at + ": " + e, -1, e);
        }
        wait = policy.delayAfter(attempt);
      }
      settings.clock().sleep(wait);
    }
  }

  private Optional<Duration> retryAfter(URI uri, HttpHeaders headers, String at) {
    Optional<Duration> wait =
        headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now()));
    if (wait.isPresent() && wait.get().compareTo(settings.maxRetryAfter()) > 0) {
      throw new HttpException(
          "GET "
              + uri
              + " asked to retry after "
              + wait.get()
              + at
              + ", longer than maxRetryAfter ("
              + settings.maxRetryAfter()
              + ")");
    }
    return wait;
  }

  private Fetched parse(URI uri, InputStream in, HttpHeaders headers) {
    JsonNode body;
    try {
      body = mapper.readTree(new LimitedInputStream(in, settings.maxPageBytes()));
    } catch (LimitedInputStream.LimitException e) {
      throw new HttpException(
          "page "
              + uri
              + " is larger than maxPageBytes ("
              + settings.maxPageBytes()
              + " bytes); raise RestSettings.maxPageBytes");
    } catch (JsonProcessingException e) {
      throw new HttpException("page " + uri + " is not JSON: " + e.getOriginalMessage(), -1, e);
    } catch (IOException e) {
      throw new HttpException("page " + uri + " could not be read: " + e, -1, e);
    }
    JsonNode array = body == null ? null : body.at(settings.items());
    if (array == null || !array.isArray()) {
      throw new HttpException(
          "page " + uri + " has no array at items pointer '" + settings.items() + "'");
    }
    List<JsonNode> items = new ArrayList<>(array.size());
    array.forEach(items::add);
    return new Fetched(uri, items, body, headers);
  }
}
