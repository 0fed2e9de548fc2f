package dev.sluice.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HttpServer on a loopback ephemeral port for the HTTP commands' tests. */
final class HttpFakes implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  HttpFakes(String path, HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(path, handler);
    server.setExecutor(executor);
    server.start();
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static OutputStream stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Starts {@code sluice args...} in a child JVM with this test's class path. */
  static Process sluice(Path log, String... args) throws IOException {
    return sluice(log, "SLUICE_UNUSED", "", List.of(args));
  }

  /** Like {@link #sluice(Path, String...)} with an environment variable set. */
  static Process sluice(Path log, String env, String value, List<String> args) throws IOException {
    List<String> line = new ArrayList<>();
    line.add(ProcessHandle.current().info().command().orElseThrow());
    line.add("-cp");
    line.add(System.getProperty("java.class.path"));
    line.add("dev.sluice.cli.Main");
    line.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.redirectOutput(log.toFile()).environment().put(env, value);
    return builder.start();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
