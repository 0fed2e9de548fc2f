package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.io.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UsersToJsonLinesTest {
  @TempDir Path dir;

  @Test
  void writesTheActiveUsersMaskedAndCompressed() throws IOException {
    Path in = dir.resolve("users.csv");
    Files.writeString(
        in,
        "id,email,status\n1,alice@example.com,active\n2,bob@example.com,gone\n3,x@y.z,active\n");
    Path out = dir.resolve("users.jsonl.gz");

    long written = UsersToJsonLines.convert(in, out);

    assertThat(written).isEqualTo(2);
    try (InputStream gz = new GZIPInputStream(Files.newInputStream(out))) {
      assertThat(new String(gz.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"id\":\"1\",\"email\":\"a***@example.com\",\"status\":\"active\"}\n"
                  + "{\"id\":\"3\",\"email\":\"x***@y.z\",\"status\":\"active\"}\n");
    }
  }

  @Test
  void aRaggedRowFailsWithABadInputExceptionAndLeavesNoOutput() throws IOException {
    Path in = dir.resolve("users.csv");
    Files.writeString(in, "id,email,status\n1,alice@example.com\n");
    Path out = dir.resolve("users.jsonl.gz");

    assertThatThrownBy(() -> UsersToJsonLines.convert(in, out))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("users.csv");
    assertThat(out).doesNotExist();
  }
}
