package dev.sluice.cli;

import dev.sluice.http.LlmFormat;
import dev.sluice.http.Relay;
import dev.sluice.http.RelaySettings;
import dev.sluice.http.SseServerSettings;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice relay}: serves the LLM token relay until Ctrl-C or SIGTERM. */
@Command(
    name = "relay",
    mixinStandardHelpOptions = true,
    description = {
      "Relays an LLM chat stream as server-sent token events: POST /relay {\"messages\":[...]},",
      "and GET / serves a page to try it. The API key is read from an environment variable."
    })
final class RelayCommand implements Callable<Integer> {
  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "where to listen (default 127.0.0.1:8080; port 0 for any)")
  String listen = "127.0.0.1:8080";

  @Option(
      names = "--upstream",
      required = true,
      paramLabel = "URL",
      description = "the chat API's streaming endpoint")
  String upstream;

  @Option(
      names = "--format",
      paramLabel = "openai|anthropic",
      description = "the upstream's stream format (default openai)")
  String format = "openai";

  @Option(
      names = "--api-key-env",
      paramLabel = "VAR",
      description = "environment variable holding the API key (default: none sent)")
  String apiKeyEnv;

  @Option(names = "--model", paramLabel = "M", description = "the model to ask for")
  String model = "";

  @Override
  public Integer call() throws Exception {
    int colon = listen.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new UsageException("--listen needs HOST:PORT, was " + listen);
    }
    if (colon <= 0 || port < 0 || port > 65535) {
      throw new UsageException("--listen needs HOST:PORT, was " + listen);
    }
    LlmFormat llm =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "openai" -> LlmFormat.OPENAI;
          case "anthropic" -> LlmFormat.ANTHROPIC;
          default ->
              throw new UsageException("--format must be openai or anthropic, was " + format);
        };
    String key = "";
    if (apiKeyEnv != null) {
      key = System.getenv(apiKeyEnv);
      if (key == null || key.isEmpty()) {
        throw new UsageException(
            "environment variable " + apiKeyEnv + " (--api-key-env) is not set");
      }
    }
    RelaySettings settings =
        RelaySettings.builder(FetchCommand.parse(upstream))
            .format(llm)
            .apiKey(key)
            .model(model)
            .server(SseServerSettings.builder().host(listen.substring(0, colon)).port(port).build())
            .build();
    Relay relay = Relay.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  relay.close();
                  stopped.countDown();
                },
                "sluice-relay-stop"));
    System.err.println("sluice: relay listening on " + relay.uri());
    System.err.flush();
    stopped.await();
    return Main.OK;
  }
}
