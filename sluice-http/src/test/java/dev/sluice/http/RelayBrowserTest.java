package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The relay page in headless Chromium (driven over the DevTools protocol) against a fake upstream:
 * the page shows the tokens. Skipped, visibly as an assumption, when {@code /usr/bin/chromium} is
 * missing ({@code .ci/run} installs it). With {@code -Dsluice.screenshot=true} it also writes
 * {@code docs/img/relay.png}.
 */
class RelayBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  static void delete(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void thePageShowsTheTokensAsTheyArrive() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (install chromium to run this test)");
    Path profile = Files.createTempDirectory("sluice-chromium");
    try (var upstream = new FakeLlm(200, FakeLlm.OPENAI, false);
        var relay = Relay.start(RelaySettings.builder(upstream.uri()).build());
        var browser = new Cdp(CHROMIUM, profile)) {
      browser.call("Page.navigate", Cdp.params().put("url", relay.uri() + "?prompt=Say+hello"));
      String status = "";
      for (int i = 0; i < 1200 && !status.startsWith("done") && !status.startsWith("error"); i++) {
        Thread.sleep(50);
        status = browser.eval("document.getElementById('status')?.textContent ?? ''");
      }
      assertThat(status).isEqualTo("done: 3 tokens, finish_reason stop");
      assertThat(browser.eval("document.getElementById('output').textContent"))
          .isEqualTo("Hello, world");
      assertThat(browser.eval("document.getElementById('prompt').value")).isEqualTo("Say hello");
      if (Boolean.getBoolean("sluice.screenshot")) {
        String png =
            browser
                .call("Page.captureScreenshot", Cdp.params().put("format", "png"))
                .path("data")
                .asText();
        Path file = Path.of("..", "docs", "img", "relay.png").toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
      }
    } finally {
      delete(profile);
    }
  }
}
