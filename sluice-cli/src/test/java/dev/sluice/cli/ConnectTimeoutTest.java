package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts connections and never answers fails the command with a timeout. */
class ConnectTimeoutTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void exportFromAServerThatNeverAnswersFailsWithATimeout() throws Exception {
    // The kernel completes the handshake into the backlog: connected, and never answered.
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Cli run =
          Cli.run(
              "export",
              dir.resolve("out.csv").toString(),
              "--db",
              "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/x",
              "--table",
              "t",
              "--connect-timeout",
              "1",
              "--quiet");
      assertThat(run.code()).as(run.err()).isEqualTo(Main.FAILED);
      assertThat(run.err()).containsIgnoringCase("timed out");
    }
  }

  @Test
  void aConnectTimeoutBelowOneSecondIsAUsageError() {
    Cli run =
        Cli.run(
            "export",
            dir.resolve("out.csv").toString(),
            "--db",
            "jdbc:postgresql://127.0.0.1:1/x",
            "--table",
            "t",
            "--connect-timeout",
            "0");
    assertThat(run.code()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("--connect-timeout must be >= 1 second, was 0");
  }
}
