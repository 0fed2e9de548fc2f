package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.sluice.io.PartFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sluice fetch --resume}: a child killed (SIGKILL) while it waits for a page has committed
 * exactly the pages before it; rerunning continues from the next page's cursor without refetching
 * the committed ones, and the finished file is byte for byte that of an uninterrupted run. Other
 * options, leftovers without --resume, stdout and --max-pages are refused.
 */
class FetchResumeTest {
  static final int PAGES = 30;
  static final int PER_PAGE = 40;

  @TempDir Path dir;

  /** A paginated API (?page=1..PAGES, a next link) that can hold one page back until released. */
  static final class Api implements AutoCloseable {
    final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();
    volatile int holdPage = -1;
    volatile CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final HttpFakes server;

    Api() throws Exception {
      server = new HttpFakes("/api", this::serve);
    }

    private void serve(HttpExchange exchange) throws java.io.IOException {
      String query = exchange.getRequestURI().getQuery();
      int page = query == null ? 1 : Integer.parseInt(query.substring("page=".length()));
      requests.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
      if (page == holdPage) {
        held.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
        return;
      }
      StringBuilder body = new StringBuilder("{\"data\":[");
      for (int i = 0; i < PER_PAGE; i++) {
        int n = (page - 1) * PER_PAGE + i;
        body.append(i == 0 ? "" : ",")
            .append("{\"n\":")
            .append(n)
            .append(",\"name\":\"caf\\u00e9 ")
            .append(n)
            .append("\"}");
      }
      String next = page < PAGES ? "\"/api?page=" + (page + 1) + "\"" : "null";
      HttpFakes.send(exchange, 200, "application/json", body + "],\"next\":" + next + "}");
    }

    String url() {
      return server.url("/api");
    }

    @Override
    public void close() {
      release.countDown();
      server.close();
    }
  }

  static List<String> args(Api api, Path out, String... more) {
    List<String> all =
        new ArrayList<>(
            List.of("fetch", api.url(), out.toString(), "--items", "/data", "--next", "/next"));
    all.addAll(List.of(more));
    return all;
  }

  /** Runs a child fetch, kills it while it waits for {@code page}, returns what it committed. */
  static PartFile.Saved killWhileWaitingFor(Api api, int page, List<String> args, Path log)
      throws Exception {
    api.holdPage = page;
    api.held = new CountDownLatch(1);
    Process child = ChildCli.start(args, log);
    try {
      assertThat(api.held.await(120, TimeUnit.SECONDS))
          .as("the child asked for page %d; log: %s", page, log)
          .isTrue();
    } finally {
      child.destroyForcibly().waitFor();
    }
    api.holdPage = -1;
    return PartFile.load(Path.of(args.get(2)));
  }

  @ParameterizedTest
  @CsvSource({"out.jsonl, 11", "out.jsonl.gz, 12", "out.csv, 13", "out.csv.gz, 14"})
  void resumedAfterKillNineIsByteIdenticalToAnUninterruptedRun(String name, long seed)
      throws Exception {
    try (Api api = new Api()) {
      Path clean = dir.resolve("clean-" + name);
      Cli cleanRun = Cli.run(args(api, clean, "--resume").toArray(String[]::new));
      assertThat(cleanRun.code()).as(cleanRun.err()).isZero();
      assertThat(cleanRun.err()).contains("fetched " + PAGES * PER_PAGE + " items");

      Random random = new Random(seed);
      int first = 2 + random.nextInt(PAGES / 2);
      int second = first + 1 + random.nextInt(PAGES - first - 1);
      Path out = dir.resolve(name);
      PartFile.Saved saved =
          killWhileWaitingFor(api, first, args(api, out, "--resume"), dir.resolve("kill1.log"));
      assertThat(saved.rows()).isEqualTo((long) (first - 1) * PER_PAGE);
      assertThat(saved.position()).isEqualTo("0 " + api.url() + "?page=" + first);

      api.requests.clear();
      saved =
          killWhileWaitingFor(api, second, args(api, out, "--resume"), dir.resolve("kill2.log"));
      assertThat(saved.rows()).isEqualTo((long) (second - 1) * PER_PAGE);
      assertThat(api.requests.keySet())
          .as("pages asked for by the resumed run")
          .allMatch(p -> p >= first);

      api.requests.clear();
      Cli last = Cli.run(args(api, out, "--resume").toArray(String[]::new));
      assertThat(last.code()).as(last.err()).isZero();
      assertThat(last.err()).contains("(resumed)");
      assertThat(api.requests.keySet()).allMatch(p -> p >= second);
      assertThat(Files.mismatch(out, clean)).as("first differing byte").isEqualTo(-1);
      assertThat(PartFile.part(out)).doesNotExist();
      assertThat(PartFile.pos(out)).doesNotExist();
    }
  }

  @Test
  void aResumableFetchWritesWhatAPlainFetchWrites() throws Exception {
    try (Api api = new Api()) {
      Path resumable = dir.resolve("resumable.jsonl");
      Path plain = dir.resolve("plain.jsonl");
      assertThat(Cli.run(args(api, resumable, "--resume").toArray(String[]::new)).code()).isZero();
      assertThat(Cli.run(args(api, plain).toArray(String[]::new)).code()).isZero();
      assertThat(Files.mismatch(resumable, plain)).isEqualTo(-1);
      assertThat(Files.readAllLines(plain)).hasSize(PAGES * PER_PAGE);
      // CSV: one column per key, a header line, the same rows by either path
      Path resumableCsv = dir.resolve("resumable.csv");
      Path plainCsv = dir.resolve("plain.csv");
      assertThat(Cli.run(args(api, resumableCsv, "--resume").toArray(String[]::new)).code())
          .isZero();
      Cli csv = Cli.run(args(api, plainCsv).toArray(String[]::new));
      assertThat(csv.code()).as(csv.err()).isZero();
      assertThat(Files.mismatch(resumableCsv, plainCsv)).isEqualTo(-1);
      assertThat(Files.readAllLines(plainCsv)).hasSize(PAGES * PER_PAGE + 1);
    }
  }

  @Test
  void resumingWithOtherOptionsOrWithoutResumeIsRefused() throws Exception {
    try (Api api = new Api()) {
      Path out = dir.resolve("out.jsonl");
      List<String> args = args(api, out, "--resume", "--header", "X-Token: one");
      PartFile.Saved saved = killWhileWaitingFor(api, 3, args, dir.resolve("kill.log"));
      assertThat(saved.rows()).isEqualTo(2L * PER_PAGE);

      Cli other =
          Cli.run(args(api, out, "--resume", "--header", "X-Token: two").toArray(String[]::new));
      assertThat(other.code()).as(other.err()).isEqualTo(Main.USAGE);
      assertThat(other.err()).contains("another job").contains("remove").doesNotContain("two");

      Cli fresh = Cli.run(args(api, out, "--header", "X-Token: one").toArray(String[]::new));
      assertThat(fresh.code()).as(fresh.err()).isEqualTo(Main.USAGE);
      assertThat(fresh.err()).contains("--resume");
      assertThat(PartFile.load(out)).isEqualTo(saved);

      Cli same = Cli.run(args.toArray(String[]::new));
      assertThat(same.code()).as(same.err()).isZero();
      assertThat(Files.readAllLines(out)).hasSize(PAGES * PER_PAGE);
    }
  }

  @Test
  void resumeNeedsAFileAndNoMaxPages() throws Exception {
    try (Api api = new Api()) {
      Cli stdout = Cli.run("fetch", api.url(), "-", "--resume");
      assertThat(stdout.code()).isEqualTo(Main.USAGE);
      assertThat(stdout.err()).contains("--resume needs an OUTPUT file");
      Cli pages =
          Cli.run(
              "fetch",
              api.url(),
              dir.resolve("o.jsonl").toString(),
              "--resume",
              "--max-pages",
              "2");
      assertThat(pages.code()).isEqualTo(Main.USAGE);
      assertThat(pages.err()).contains("--resume cannot be combined with --max-pages");
    }
  }
}
