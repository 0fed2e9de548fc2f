package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void generatesConvertsAndSummarises() throws IOException {
    Cli cli = Cli.run("demo", "--rows", "1000", "--db-users", "300", "--dir", dir.toString());
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("rows: 1000").contains("MB/s").contains("peak heap");
    List<String> lines = Files.readAllLines(dir.resolve("users.jsonl"));
    assertThat(lines).hasSize(1000);
    assertThat(lines).allMatch(l -> l.matches(".*\"email\":\"[^\"@]\\*\\*\\*@[a-z.]+\".*"));
    assertThat(cli.out()).containsPattern("database: 300 users and \\d+ orders seeded");
    List<String> dbUsers = Files.readAllLines(dir.resolve("users-db.jsonl"));
    assertThat(dbUsers).hasSize(300).first().asString().startsWith("{\"id\":1,");
    assertThat(dbUsers).allMatch(l -> l.matches(".*\"email\":\"[^\"@]\\*\\*\\*@[a-z.]+\".*"));
    assertThat(dir.resolve("orders-db.jsonl")).isNotEmptyFile();
    String csv = Files.readString(dir.resolve("users.csv"));
    assertThat(csv)
        .contains("\"Paris, FR\"")
        .contains("\"moved from the old system\nduplicate checked\"");
  }
}
