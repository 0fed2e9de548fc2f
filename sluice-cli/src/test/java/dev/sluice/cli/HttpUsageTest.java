package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors of fetch, sse and relay: exit 2 with a message naming what is wrong, no run. */
class HttpUsageTest {
  private static void usage(String message, String... args) {
    Cli cli = Cli.run(args);
    assertThat(cli.code()).as(cli.err()).isEqualTo(Main.USAGE);
    assertThat(cli.err()).contains(message);
  }

  @Test
  void fetchRefusesABadUrlHeaderPaginationOrMaxPages() {
    usage("URL must be an http or https URL, was ftp://x", "fetch", "ftp://x", "o.jsonl");
    usage("--cursor-param and --cursor go together", "fetch", "http://x/", "-", "--cursor", "/c");
    usage("maxPages must be > 0 or -1, was 0", "fetch", "http://x/", "-", "--max-pages", "0");
    usage("items must be a JSON pointer", "fetch", "http://x/", "-", "--items", "data");
    Cli header = Cli.run("fetch", "http://x/", "-", "--header", "Bearer secret");
    assertThat(header.code()).isEqualTo(Main.USAGE);
    assertThat(header.err()).contains("header must be 'Name: value'").doesNotContain("secret");
  }

  @Test
  void sseRefusesABadUrlOrMaxEvents() {
    usage("URL must be an http or https URL, was nope", "sse", "nope", "-");
    usage("--max-events must be > 0, was 0", "sse", "http://x/", "-", "--max-events", "0");
  }

  @Test
  void relayRefusesABadListenFormatOrKeyVariable() {
    String[] upstream = {"relay", "--upstream", "http://127.0.0.1:1/v1"};
    usage("listen must be HOST:PORT", concat(upstream, "--listen", "8080"));
    usage("format must be openai or anthropic, was gemini", concat(upstream, "--format", "gemini"));
    usage(
        "environment variable SLUICE_SURELY_UNSET_KEY (--api-key-env) is not set",
        concat(upstream, "--api-key-env", "SLUICE_SURELY_UNSET_KEY"));
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
