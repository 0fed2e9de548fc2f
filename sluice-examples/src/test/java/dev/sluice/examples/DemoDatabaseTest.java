package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoDatabaseTest {
  @TempDir Path dir;

  @Test
  void seedsExportsMasksAndReportsEachStep() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Map<String, List<Progress>> reports = new ConcurrentHashMap<>();
    DemoDatabase.Result result =
        new DemoDatabase(
                dir,
                new PrintStream(log, true, StandardCharsets.UTF_8),
                step ->
                    p -> reports.computeIfAbsent(step, s -> new CopyOnWriteArrayList<>()).add(p),
                Duration.ofHours(1))
            .run(300);

    assertThat(result.users()).isEqualTo(300);
    assertThat(result.orders()).isBetween(300L, 1200L); // 0 to 4 per user, 2 on average
    assertThat(result.exported()).isEqualTo(300 + result.orders());
    List<String> users = Files.readAllLines(result.usersFile());
    assertThat(users).hasSize(300);
    assertThat(users).allSatisfy(u -> assertThat(u).containsPattern("\"email\":\"[a-z]\\*\\*\\*@"));
    assertThat(Files.readAllLines(dir.resolve("orders-db.jsonl"))).hasSize((int) result.orders());
    assertThat(reports.keySet())
        .containsExactlyInAnyOrder(
            "demo seed users", "demo seed orders", "demo export users", "demo export orders");
    reports.values().forEach(r -> assertThat(r.get(r.size() - 1).done()).isTrue());
    assertThat(last(reports, "demo export users").count()).isEqualTo(300);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("exported 300 users");

    // a second run starts from a fresh database: the same rows
    DemoDatabase.Result again =
        new DemoDatabase(dir, System.err, s -> p -> {}, Duration.ofHours(1)).run(300);
    assertThat(again.orders()).isEqualTo(result.orders());
    assertThat(Files.readAllLines(again.usersFile())).isEqualTo(users);
  }

  private static Progress last(Map<String, List<Progress>> reports, String step) {
    List<Progress> r = reports.get(step);
    return r.get(r.size() - 1);
  }
}
