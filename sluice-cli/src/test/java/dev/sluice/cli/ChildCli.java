package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI in a child JVM with fast progress lines, for tests that kill it mid-run. */
final class ChildCli {
  private ChildCli() {}

  /** Starts {@code sluice ARGS} with its output (and progress every 10 ms) in {@code log}. */
  static Process start(List<String> args, Path log) throws Exception {
    List<String> line = new ArrayList<>();
    line.add(ProcessHandle.current().info().command().orElseThrow());
    line.addAll(
        List.of(
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-Dsluice.progress.seconds=0.01",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    line.addAll(args);
    return new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Waits until the child's progress lines ({@code sluice: COMMAND: N rows, …}) report at least
   * {@code target} rows, or it ended; fails if it made no progress within {@code seconds}.
   */
  static void awaitRows(Process child, Path log, String command, long target, long seconds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String marker = "sluice: " + command + ": ";
    while (child.isAlive() && lastCount(Files.readString(log), marker) < target) {
      assertThat(System.nanoTime())
          .as("child progressed within %s s", seconds)
          .isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  private static long lastCount(String log, String marker) {
    int at = log.lastIndexOf(marker);
    if (at < 0) {
      return -1;
    }
    int from = at + marker.length();
    int end = log.indexOf(' ', from);
    try {
      return end < 0 ? -1 : Long.parseLong(log.substring(from, end).replace(",", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
