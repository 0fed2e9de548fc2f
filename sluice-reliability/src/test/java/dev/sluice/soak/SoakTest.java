package dev.sluice.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Cancellation;
import dev.sluice.CloseableIterator;
import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.RetryPolicy;
import dev.sluice.io.Csv;
import dev.sluice.io.Lines;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.TableQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random pipelines over the operators, the file readers and a keyset source on the embedded
 * database, stopped at random points by take, a failure, a timeout, a cancellation, an interrupt or
 * an iterator closed early. After each run: no live thread, no leased connection, the source opened
 * and closed exactly once; after all of them, no file descriptor more than before. {@code
 * -Dsluice.soak.runs=N} (default 1,000; {@code scripts/soak} runs 10,000) and {@code
 * -Dsluice.soak.seed=S} to replay a failure (the seed is printed).
 */
class SoakTest {
  private static final int RUNS = Integer.getInteger("sluice.soak.runs", 1000);

  @TempDir Path dir;

  private final AtomicInteger opens = new AtomicInteger();
  private final AtomicInteger closes = new AtomicInteger();

  @Test
  void randomPipelinesStoppedAtRandomPointsLeaveNothingBehind() throws Exception {
    long seed = Long.getLong("sluice.soak.seed", System.nanoTime());
    Random random = new Random(seed);
    Path lines = Files.writeString(dir.resolve("lines.txt"), numbers(500, "\n"));
    Path csv = Files.writeString(dir.resolve("rows.csv"), "n\n" + numbers(500, "\n"));
    try (HikariDataSource db = Jdbc.embedded(dir.resolve("soak"))) {
      try (Connection c = db.getConnection();
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        st.execute("INSERT INTO t SELECT * FROM SYSTEM_RANGE(0, 299)");
      }
      soak(seed, random, lines, csv, db);
    }
  }

  private void soak(long seed, Random random, Path lines, Path csv, HikariDataSource db)
      throws Exception {
    long fds = openFileDescriptors();
    for (int run = 0; run < RUNS; run++) {
      opens.set(0);
      closes.set(0);
      String plan = "seed " + seed + ", run " + run;
      Pipe<Integer> pipe = source(random, lines, csv, db);
      int stages = random.nextInt(4);
      StringBuilder shape = new StringBuilder();
      for (int s = 0; s < stages; s++) {
        int which = random.nextInt(STAGES.size());
        shape.append(' ').append(which);
        pipe = STAGES.get(which).apply(pipe);
      }
      stop(random, pipe, plan + ", stages" + shape);
      assertThat(Diagnostics.liveThreads()).as("live threads after %s", plan).isZero();
      assertThat(closes.get()).as("closes after %s", plan).isEqualTo(opens.get());
      assertThat(opens.get()).as("opens after %s", plan).isLessThanOrEqualTo(4);
      assertThat(db.getHikariPoolMXBean().getActiveConnections())
          .as("leased connections after %s", plan)
          .isZero();
      Thread.interrupted(); // a run stopped by an interrupt leaves it set, as documented
    }
    assertThat(openFileDescriptors()).as("open files, seed %s", seed).isLessThanOrEqualTo(fds);
    System.out.println("soak: " + RUNS + " runs, seed " + seed);
  }

  /** One of the sources, each counting its opens and closes. */
  private Pipe<Integer> source(Random random, Path lines, Path csv, HikariDataSource db) {
    int n = random.nextInt(300);
    Pipe<Integer> source =
        switch (random.nextInt(5)) {
          case 4 ->
              Jdbc.keyset(db, TableQuery.of("t", "id").withPageSize(1 + random.nextInt(50)))
                  .rows()
                  .map(row -> ((Number) row.values().iterator().next()).intValue());
          case 0 -> Pipe.range(0, n).map(Math::toIntExact);
          case 1 -> Lines.read(lines).map(Integer::valueOf);
          case 2 -> Csv.read(csv).map(row -> Integer.valueOf(row.get(0)));
          default ->
              Pipe.generate(
                  out -> {
                    for (int i = 0; i < n; i++) {
                      out.emit(i);
                    }
                  });
        };
    return Pipe.using(
        () -> {
          opens.incrementAndGet();
          return (AutoCloseable) closes::incrementAndGet;
        },
        resource -> source);
  }

  private static final RetryPolicy RETRY =
      RetryPolicy.attempts(2).retryOn(e -> e instanceof IllegalStateException);

  private static final List<UnaryOperator<Pipe<Integer>>> STAGES =
      List.of(
          p -> p.map(x -> x + 1),
          p -> p.filter(x -> x % 3 != 0),
          p -> p.flatMap(x -> Pipe.of(x, x)),
          p -> p.batch(7).flatMap(Pipe::from),
          p -> p.batch(5, Duration.ofSeconds(10)).flatMap(Pipe::from),
          p -> p.buffer(8),
          p -> p.mapConcurrent(3, x -> x),
          p -> p.mapConcurrentUnordered(3, x -> x),
          p -> p.take(50),
          p -> p.scan(0, Integer::sum),
          p -> Pipe.zip(p, Pipe.range(0, Long.MAX_VALUE), (x, i) -> x),
          p -> Pipe.merge(p, Pipe.of(-1, -2)),
          p -> p.tee(branch -> branch.forEach(x -> {})),
          p -> p.retry(RETRY),
          p -> p.timeout(Duration.ofMinutes(1)),
          p -> p.mapAttempt(x -> x).map(r -> r.isOk() ? r.value() : -1),
          p -> p.sliding(3, 2).map(w -> w.get(0)),
          p -> p.zipWithIndex().map(i -> i.item()),
          p -> p.distinct());

  /** Runs {@code pipe} to a random end: complete, take, failure, cancel, interrupt, early close. */
  private static void stop(Random random, Pipe<Integer> pipe, String plan) throws Exception {
    int at = random.nextInt(100);
    try {
      switch (random.nextInt(7)) {
        case 0 -> pipe.count();
        case 1 -> pipe.take(at).toList();
        case 2 ->
            pipe.map(
                    x -> {
                      if (x == at) {
                        throw new IOException("injected at " + at);
                      }
                      return x;
                    })
                .count();
        case 3 -> pipe.timeout(Duration.ofMillis(1 + random.nextInt(3))).count();
        case 4 -> {
          Cancellation cancel = new Cancellation();
          Pipe<Integer> cancelling =
              pipe.peek(
                  x -> {
                    if (x == at) {
                      cancel.cancel();
                    }
                  });
          cancelling.withCancellation(cancel).count();
        }
        case 5 ->
            pipe.peek(
                    x -> {
                      if (x == at) {
                        Thread.currentThread().interrupt();
                      }
                    })
                .count();
        default -> {
          try (CloseableIterator<Integer> it = pipe.iterator(4)) {
            for (int i = 0; i < at && it.hasNext(); i++) {
              it.next();
            }
          }
        }
      }
    } catch (RuntimeException e) {
      // every way out is fine here; what it leaves behind is what the test checks
    } catch (Error e) {
      throw new AssertionError(plan + ": " + e, e);
    }
  }

  private static String numbers(int n, String separator) {
    return Stream.iterate(0, i -> i + 1)
            .limit(n)
            .map(String::valueOf)
            .collect(Collectors.joining(separator))
        + separator;
  }

  private static long openFileDescriptors() throws IOException {
    Path fd = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fd)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(fd)) {
      return s.count();
    }
  }
}
