package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.ResumeRefusedException;
import dev.sluice.RetryPolicy;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestExportTest {
  private static final int PAGES = 4;

  @TempDir Path dir;
  private final Set<Integer> failing = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private FakeServer server;
  private URI first;

  /** Pages 0 to 3 by a next link, three items each; a page in {@code failing} answers 500. */
  @BeforeEach
  void start() throws Exception {
    server =
        new FakeServer(
            "/api",
            exchange -> {
              requests.add(exchange.getRequestURI().toString());
              int page = RestTest.param(exchange, "page", 0);
              if (failing.contains(page)) {
                FakeServer.send(exchange, 500, "application/json", "{}");
                return;
              }
              StringBuilder items = new StringBuilder();
              for (int i = page * 3; i < page * 3 + 3; i++) {
                items.append(items.isEmpty() ? "" : ",");
                items.append("{\"id\":").append(i).append(",\"price\":").append(i).append(".10}");
              }
              String next = page + 1 < PAGES ? ",\"next\":\"/api?page=" + (page + 1) + "\"" : "";
              FakeServer.send(
                  exchange, 200, "application/json", "{\"data\":[" + items + "]" + next + "}");
            });
    first = server.uri("/api");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RestSettings.Builder settings() {
    return RestSettings.builder()
        .items("/data")
        .pagination(Pagination.nextLink("/next"))
        .retry(RetryPolicy.attempts(2).withBackoff(Duration.ZERO, 1, Duration.ZERO));
  }

  private RestExport export(boolean csv) {
    return csv
        ? RestExport.csv(first, settings().build(), CsvWriteSettings.defaults())
        : RestExport.jsonLines(first, settings().build());
  }

  @Test
  void jsonLinesWritesEachItemAsServed() throws Exception {
    Path out = dir.resolve("items.jsonl");
    assertThat(export(false).into(Output.file(out))).isEqualTo(12);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(12);
    assertThat(lines.get(0)).isEqualTo("{\"id\":0,\"price\":0.10}"); // decimals as written
    assertThat(lines.get(11)).isEqualTo("{\"id\":11,\"price\":11.10}");
  }

  @Test
  void csvHasOneColumnPerKeyOfTheFirstItem() throws Exception {
    Path out = dir.resolve("items.csv");
    assertThat(export(true).into(Output.file(out))).isEqualTo(12);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(13);
    assertThat(lines.subList(0, 3)).containsExactly("id,price", "0,0.10", "1,1.10");
  }

  @Test
  void aFailingPageLeavesNoFileAndNamesTheUrl() {
    failing.add(2);
    Path out = dir.resolve("items.jsonl");
    assertThatThrownBy(() -> export(false).into(Output.file(out)))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("/api?page=2 failed: status 500 on attempt 2 of 2");
    assertThat(out).doesNotExist();
  }

  @Test
  void aResumedRunRefetchesNoCommittedPageAndWritesWhatAnUninterruptedRunWrites() throws Exception {
    for (boolean csv : new boolean[] {false, true}) {
      Path plain = dir.resolve(csv ? "plain.csv" : "plain.jsonl");
      Path resumed = dir.resolve(csv ? "resumed.csv" : "resumed.jsonl");
      export(csv).into(Output.file(plain));

      failing.add(2);
      assertThat(catchThrowable(() -> export(csv).resume(resumed, null)))
          .isInstanceOf(HttpException.class);
      PartFile.Saved saved = PartFile.load(resumed);
      assertThat(saved.rows()).isEqualTo(6); // pages 0 and 1, each committed as it came
      assertThat(saved.position()).isEqualTo("0 " + first + "?page=2");
      assertThat(resumed).doesNotExist();

      failing.clear();
      requests.clear();
      assertThat(export(csv).resume(resumed, saved)).isEqualTo(12);
      assertThat(requests).containsExactly("/api?page=2", "/api?page=3");
      assertThat(Files.mismatch(plain, resumed)).as("csv=" + csv).isEqualTo(-1);
      assertThat(PartFile.part(resumed)).doesNotExist();
      assertThat(PartFile.pos(resumed)).doesNotExist();
    }
  }

  @Test
  void aRunOfAnotherJobIsNotResumed() throws Exception {
    Path out = dir.resolve("items.jsonl");
    failing.add(1);
    RestExport one = RestExport.jsonLines(first, settings().header("X-Token", "one").build());
    assertThat(catchThrowable(() -> one.resume(out, null))).isInstanceOf(HttpException.class);
    failing.clear();

    RestExport two = RestExport.jsonLines(first, settings().header("X-Token", "two").build());
    assertThatThrownBy(() -> two.resume(out, PartFile.load(out)))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("another job")
        .hasMessageNotContaining("two");
    assertThat(one.resume(out, PartFile.load(out))).isEqualTo(12);
  }

  @Test
  void theJobNamesWhatAResumeMustShareAndHidesHeaderValues() {
    RestSettings ab = settings().header("A", "secret-1").header("B", "secret-2").build();
    RestSettings ba = settings().header("B", "secret-2").header("A", "secret-1").build();
    String job = RestExport.jsonLines(first, ab).job();
    assertThat(job)
        .startsWith("fetch url=" + first + " items=/data pagination=nextLink(/next) headers=2:")
        .endsWith(" to=jsonl")
        .doesNotContain("secret");
    assertThat(RestExport.jsonLines(first, ba).job()).as("header order").isEqualTo(job);
    assertThat(RestExport.jsonLines(first, settings().header("A", "other").build()).job())
        .isNotEqualTo(
            RestExport.jsonLines(first, settings().header("A", "secret-1").build()).job());
    assertThat(RestExport.csv(first, ab, CsvWriteSettings.defaults()).job())
        .contains(" to=csv ")
        .isNotEqualTo(job);
  }

  @Test
  void aResumableRunFetchesEveryPage() {
    RestExport limited = RestExport.jsonLines(first, settings().maxPages(2).build());
    assertThatThrownBy(() -> limited.resume(dir.resolve("o.jsonl"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPages must be unlimited, was 2");
    assertThat(requests).isEmpty();
  }
}
