package dev.sluice.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class ExchangesTest {
  @Test
  void aResponseThatArrivesAsTheThreadIsInterruptedIsClosed() {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream body =
        new ByteArrayInputStream(new byte[0]) {
          @Override
          public void close() {
            closed.set(true);
          }
        };
    // the race: the response completes the future just as the waiting thread is interrupted
    CompletableFuture<HttpResponse<InputStream>> pending =
        new CompletableFuture<>() {
          @Override
          public HttpResponse<InputStream> get() throws InterruptedException {
            complete(new Arrived(body));
            throw new InterruptedException();
          }
        };
    assertThatThrownBy(() -> Exchanges.await(pending)).isInstanceOf(InterruptedException.class);
    assertThat(closed).isTrue();
  }

  @Test
  void anInterruptWhileTheServerIsSilentCancelsTheExchange() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requested.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
    HttpClient client = HttpClient.newHttpClient();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread sender =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      Exchanges.send(client, HttpRequest.newBuilder(uri).build()).body().close();
                    } catch (Throwable t) {
                      thrown.set(t);
                    }
                  });
      assertThat(requested.await(30, TimeUnit.SECONDS)).isTrue();
      sender.interrupt();
      sender.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(sender.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    } finally {
      release.countDown();
      client.close();
      server.stop(0);
    }
  }

  @Test
  void aFailedConnectionIsItsIoException() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port)).build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      assertThatThrownBy(() -> Exchanges.send(client, request))
          .isInstanceOf(ConnectException.class);
    }
  }

  /** A response as the client would have completed it, with the body given. */
  private record Arrived(InputStream body) implements HttpResponse<InputStream> {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of(), (a, b) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request().uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
