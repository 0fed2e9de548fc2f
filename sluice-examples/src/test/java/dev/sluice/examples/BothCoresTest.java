package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BothCoresTest {
  @TempDir Path dir;

  @Test
  void convertsEveryRowInOrderAndEndsItsThreads() throws IOException {
    StringBuilder csv = new StringBuilder("id,email\n");
    for (int i = 0; i < 3000; i++) {
      csv.append(i).append(",user").append(i).append("@example.com\n");
    }
    Path in = dir.resolve("users.csv");
    Files.writeString(in, csv);
    Path out = dir.resolve("users.jsonl");

    BothCores.convert(in, out);

    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3000);
    assertThat(lines.get(0)).isEqualTo("{\"id\":\"0\",\"email\":\"u***@example.com\"}");
    assertThat(lines.get(2999)).isEqualTo("{\"id\":\"2999\",\"email\":\"u***@example.com\"}");
    assertThat(Diagnostics.liveThreads()).isZero();
  }
}
