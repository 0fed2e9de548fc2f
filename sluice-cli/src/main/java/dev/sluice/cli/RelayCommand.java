package dev.sluice.cli;

import dev.sluice.http.LlmFormat;
import dev.sluice.http.Relay;
import dev.sluice.http.RelaySettings;
import dev.sluice.http.SseServerSettings;
import java.util.concurrent.Callable;
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
    String key = apiKeyEnv == null ? "" : System.getenv(apiKeyEnv);
    if (key == null || (apiKeyEnv != null && key.isEmpty())) {
      throw new UsageException("environment variable " + apiKeyEnv + " (--api-key-env) is not set");
    }
    RelaySettings settings;
    try {
      settings =
          RelaySettings.builder(FetchCommand.parse(upstream))
              .format(LlmFormat.of(format))
              .apiKey(key)
              .model(model)
              .server(SseServerSettings.builder().listen(listen).build())
              .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Relay relay = Relay.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(relay::close, "sluice-relay-stop"));
    System.err.println("sluice: relay listening on " + relay.uri());
    System.err.flush();
    relay.join();
    return Main.OK;
  }
}
