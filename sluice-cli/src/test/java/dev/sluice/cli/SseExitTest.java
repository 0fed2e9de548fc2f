package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit code of a real {@code sluice sse} process (its shutdown hook runs at exit). */
class SseExitTest {
  @TempDir Path dir;

  @Test
  void aFailedRecordingExitsOneWithoutWaitingForTheStopHook() throws Exception {
    try (var server =
        new HttpFakes("/events", exchange -> HttpFakes.send(exchange, 404, "text/plain", "no"))) {
      Path out = dir.resolve("events.jsonl");
      Path log = dir.resolve("sse.log");
      Process child = HttpFakes.sluice(log, "sse", server.url("/events"), out.toString());
      // before: the stop hook, still registered, waited 30 s for a commit and exited 0
      assertThat(child.waitFor()).as(Files.readString(log)).isEqualTo(1);
      assertThat(Files.readString(log)).contains("answered status 404");
      assertThat(out).doesNotExist();
    }
  }
}
