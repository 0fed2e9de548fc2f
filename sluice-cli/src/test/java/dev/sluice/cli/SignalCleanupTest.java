package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGTERM and SIGINT during a convert: the run's hidden temporary output is removed and the exit
 * code is 128 + the signal. The input is standard input fed by the test, so the run is certainly in
 * the middle when the signal comes.
 */
class SignalCleanupTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"TERM, 143", "INT, 130"})
  @Timeout(120)
  void aSignalMidRunRemovesTheTemporaryOutput(String signal, int exitCode) throws Exception {
    Path out = dir.resolve("out.jsonl");
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "convert",
                "-",
                out.toString(),
                "--from",
                "csv",
                "--quiet")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile())
            .start();
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write("id,email\n1,a@example.com\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      while (temporaryFiles().isEmpty()) {
        assertThat(p.isAlive()).as("the run is still going").isTrue();
        Thread.sleep(10);
      }
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (IOException e) {
      // the process went away while we were writing to it: fine, its exit code tells
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).isEqualTo(exitCode);
    assertThat(temporaryFiles()).isEmpty();
    assertThat(out).doesNotExist();
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".out.jsonl")).toList();
    }
  }
}
