package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ActiveUsersTest {
  @TempDir Path dir;

  @Test
  void writesTheActiveUsersAsRecords() throws IOException {
    Path users = dir.resolve("users.csv");
    Files.writeString(
        users, "id,email,status,extra\n1,a@b.c,active,x\n2,d@e.f,gone,y\n3,g@h.i,active,z\n");
    Path active = dir.resolve("active.jsonl");

    ActiveUsers.activeUsers(users, active);

    assertThat(Files.readAllLines(active))
        .hasSize(2)
        .allMatch(line -> line.contains("\"status\":\"active\""))
        .anyMatch(line -> line.contains("\"email\":\"a@b.c\""))
        .anyMatch(line -> line.contains("\"email\":\"g@h.i\""));
  }
}
