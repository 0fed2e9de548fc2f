package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RulesToJsonLinesTest {
  @TempDir Path dir;

  @Test
  void keepsTheActiveUsersMaskedSelectedAndTyped() throws Exception {
    Path in =
        Files.writeString(
            dir.resolve("users.csv"),
            "id,email,status\n1,alice@example.com,active\n2,bob@example.com,gone\n");
    Path out = dir.resolve("users.jsonl");
    assertThat(RulesToJsonLines.convert(in, out)).isEqualTo(1);
    assertThat(Files.readString(out)).isEqualTo("{\"id\":1,\"email\":\"a***@example.com\"}\n");
  }

  @Test
  void aRuleNamingAMissingColumnFailsAndWritesNothing() throws Exception {
    Path in = Files.writeString(dir.resolve("users.csv"), "id,mail,status\n1,a@b.c,active\n");
    Path out = dir.resolve("users.jsonl");
    assertThatThrownBy(() -> RulesToJsonLines.convert(in, out))
        .hasMessageContaining("no column email in [id, mail, status]");
    assertThat(out).doesNotExist();
  }
}
