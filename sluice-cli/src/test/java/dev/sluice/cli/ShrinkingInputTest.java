package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An input cut short at a record boundary while it is read is noted, not passed over. */
class ShrinkingInputTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void anInputTruncatedWhileReadIsReported() throws Exception {
    Path in = dir.resolve("in.csv");
    long boundary = 0;
    try (BufferedWriter w = Files.newBufferedWriter(in)) {
      String header = "id,text\n";
      w.write(header);
      long written = header.length();
      for (int i = 0; i < 3_000_000; i++) {
        String row = i + ",some text to make the file long enough\n";
        w.write(row);
        written += row.length();
        if (i == 2_900_000) {
          boundary = written;
        }
      }
    }
    Path log = dir.resolve("log");
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-Dsluice.progress.seconds=0.01",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "convert",
                in.toString(),
                dir.resolve("out.jsonl").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    while (p.isAlive() && !Files.readString(log).contains("sluice: convert: ")) {
      Thread.sleep(2);
    }
    try (FileChannel ch = FileChannel.open(in, StandardOpenOption.WRITE)) {
      ch.truncate(boundary); // far past what was read, at a record boundary
    }
    assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("shrank while it was read");
  }
}
