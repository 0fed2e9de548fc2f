package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's HTTP and WebSocket clients.
 */
final class Cdp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  private int nextId;

  Cdp(Path chromium, Path profile) throws Exception {
    process =
        new ProcessBuilder(
                List.of(
                    chromium.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=900,640",
                    "--remote-debugging-port=0",
                    "--user-data-dir=" + profile,
                    "about:blank"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    for (int i = 0; i < 600 && !(Files.exists(portFile) && Files.size(portFile) > 0); i++) {
      Thread.sleep(50);
    }
    String port = Files.readAllLines(portFile).get(0).trim();
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    String page = null;
    for (JsonNode target : targets) {
      if (target.path("type").asText().equals("page")) {
        page = target.path("webSocketDebuggerUrl").asText();
      }
    }
    StringBuilder partial = new StringBuilder();
    socket =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create(page),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      try {
                        JsonNode message = JSON.readTree(partial.toString());
                        if (message.has("id")) {
                          replies.add(message);
                        }
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                      partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(30, TimeUnit.SECONDS);
  }

  /** Sends a command and returns its result. */
  JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ++nextId;
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params);
    socket.sendText(command.toString(), true).get(30, TimeUnit.SECONDS);
    while (true) {
      JsonNode reply = replies.poll(60, TimeUnit.SECONDS);
      if (reply == null) {
        throw new IllegalStateException("no reply to " + method);
      }
      if (reply.path("id").asInt() == id) {
        return reply.path("result");
      }
    }
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** The value of a JavaScript expression in the page. */
  String eval(String expression) throws Exception {
    return call(
            "Runtime.evaluate", params().put("expression", expression).put("returnByValue", true))
        .path("result")
        .path("value")
        .asText();
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
