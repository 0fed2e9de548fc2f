package dev.sluice.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends a request whose body is read as a stream, so that an interrupt never leaks a connection.
 * {@code HttpClient.send} cancels only an exchange still under way when its thread is interrupted:
 * a response that arrived in the same instant is dropped with its body open, and its connection
 * stays busy in a shared client. Here an interrupt cancels the exchange, or closes the response if
 * it won that race; then the {@link InterruptedException} is thrown.
 */
public final class Exchanges {
  private Exchanges() {}

  /** The response to {@code request}, its body a stream the caller closes. */
  public static HttpResponse<InputStream> send(HttpClient client, HttpRequest request)
      throws IOException, InterruptedException {
    return await(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
  }

  /** The response {@code pending} completes with; on an interrupt, see the class comment. */
  static HttpResponse<InputStream> await(CompletableFuture<HttpResponse<InputStream>> pending)
      throws IOException, InterruptedException {
    try {
      return pending.get();
    } catch (InterruptedException e) {
      if (!pending.cancel(true)) {
        pending.thenAccept(Exchanges::closeQuietly);
      }
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
  }

  private static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // the connection is gone either way
    }
  }
}
