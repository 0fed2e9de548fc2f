package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.Cancellation;
import dev.sluice.MemorySink;
import dev.sluice.Page;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.PipeTimeoutException;
import dev.sluice.Progress;
import dev.sluice.Result;
import dev.sluice.RetryPolicy;
import dev.sluice.Sinks;
import dev.sluice.SlowBranch;
import dev.sluice.Stage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The examples of the cookbook pages in {@code docs/cookbook/}: each page quotes the body of one
 * method here, between its {@code // page:} and {@code // end} lines, and {@link CookbookPagesTest}
 * checks that it still does. Each example is self-contained.
 */
class CookbookExamplesTest {
  @Test
  void errorsAsValues() {
    // page: errors-as-values
    MemorySink<Result<Integer>> deadLetters = Sinks.memory();
    List<Progress> reports = new CopyOnWriteArrayList<>();
    List<Integer> parsed =
        Pipe.of("1", "2", "x", "4", "")
            .mapOrDeadLetter(Integer::parseInt, deadLetters) // a failure goes to the sink
            .onProgress(reports::add, Duration.ofMinutes(1))
            .toList();
    List<String> log = new ArrayList<>();
    log.add("parsed " + parsed);
    for (Result<Integer> bad : deadLetters.committed()) {
      log.add("dead letter '" + bad.input() + "': " + bad.error().getMessage());
    }
    log.add("failed " + reports.get(reports.size() - 1).failed());

    Pipe.of("7", "y") // or keep each outcome as a value
        .mapAttempt(Integer::parseInt)
        .map(r -> r.fold(v -> "ok " + v, e -> "not a number: " + r.input()))
        .forEach(log::add);

    assertThat(log)
        .containsExactly(
            "parsed [1, 2, 4]",
            "dead letter 'x': For input string: \"x\"",
            "dead letter '': For input string: \"\"",
            "failed 2",
            "ok 7",
            "not a number: y");
    // end
  }

  @Test
  void retryPagedSource() {
    // page: retry-paged-source
    List<String> log = new ArrayList<>();
    int[] calls = {0};
    Pipe<Integer> items =
        Pipe.paginate(
            0,
            cursor -> {
              log.add("fetch page at " + cursor);
              if (cursor == 2 && calls[0]++ < 2) { // the page at 2 fails twice
                throw new IOException("503 from the API");
              }
              List<Integer> page = List.of(cursor, cursor + 1);
              return cursor < 4 ? Page.of(page, cursor + 2) : Page.last(page);
            });
    RetryPolicy policy =
        RetryPolicy.attempts(3) // three failures in a row, each good page resets the count
            .consecutive()
            .withBackoff(Duration.ofMillis(1), 2.0, Duration.ofMillis(10))
            .retryOn(e -> e instanceof IOException);

    log.add("items " + items.retry(policy).toList());

    assertThat(log)
        .containsExactly(
            "fetch page at 0",
            "fetch page at 2",
            "fetch page at 2",
            "fetch page at 2",
            "fetch page at 4",
            "items [0, 1, 2, 3, 4, 5]");
    // end
  }

  @Test
  void batchBySizeOrTime() {
    // page: batch-by-size-or-time
    List<List<Long>> bySize = Pipe.range(0, 7).batch(3).toList();
    List<Integer> sizes =
        Pipe.range(0, 250)
            .withClock(new VirtualClock()) // a clock that never moves: only size and end count
            .batch(100, Duration.ofSeconds(1))
            .map(List::size)
            .toList();

    assertThat(bySize).containsExactly(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L), List.of(6L));
    assertThat(sizes).containsExactly(100, 100, 50);
    // end
  }

  @Test
  void fanOut() {
    // page: fan-out
    record Order(String id, List<String> lines) {}
    List<String> lines =
        Pipe.of(new Order("A", List.of("apple", "pear")), new Order("B", List.of("fig")))
            .flatMap(order -> Pipe.from(order.lines()).map(line -> order.id() + ":" + line))
            .toList();

    assertThat(lines).containsExactly("A:apple", "A:pear", "B:fig");
    // end
  }

  @Test
  void boundedConcurrency() {
    // page: bounded-concurrency
    List<Long> ordered = Pipe.range(0, 10).mapConcurrent(4, x -> x * x).toList();
    List<Long> unordered =
        Pipe.range(0, 10).mapConcurrentUnordered(4, x -> x * x).toList(); // completion order

    CountDownLatch never = new CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                Pipe.of(1, 2)
                    .mapConcurrent(
                        2,
                        x -> {
                          if (x == 1) {
                            never.await(); // a call that would never end...
                          }
                          throw boom; // ...does not delay this failure: fail-fast
                        })
                    .toList())
        .isSameAs(boom);

    assertThat(ordered).containsExactly(0L, 1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L, 81L);
    assertThat(unordered).containsExactlyInAnyOrder(0L, 1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L, 81L);
    // end
  }

  @Test
  void teeToTwoSinks() {
    // page: tee-slow-branch
    MemorySink<Long> warehouse = Sinks.memory();
    MemorySink<Long> audit = Sinks.memory();
    long written =
        Pipe.range(0, 1000)
            .tee(64, SlowBranch.WAIT, branch -> branch.filter(x -> x % 100 == 0).into(audit))
            .into(warehouse);

    assertThat(written).isEqualTo(1000);
    assertThat(warehouse.committed()).hasSize(1000);
    assertThat(audit.committed())
        .containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
    // end
  }

  @Test
  void cleanupOnEarlyTermination() {
    // page: cleanup-on-early-termination
    List<String> log = new ArrayList<>();
    List<Integer> firstThree =
        Pipe.<Integer>generate(
                out -> {
                  try {
                    for (int i = 0; ; i++) {
                      log.add("emit " + i);
                      out.emit(i); // does not return once downstream wants no more
                    }
                  } finally {
                    log.add("generator finally");
                  }
                })
            .take(3)
            .toList();
    Pipe.using(
            () -> (AutoCloseable) () -> log.add("resource closed"),
            resource -> Pipe.range(0, 1_000_000))
        .first();

    assertThat(firstThree).containsExactly(0, 1, 2);
    assertThat(log)
        .containsExactly("emit 0", "emit 1", "emit 2", "generator finally", "resource closed");
    // end
  }

  @Test
  void lifecycleHooks() {
    // page: lifecycle-hooks
    List<String> log = new ArrayList<>();
    Pipe<Integer> hooked =
        Pipe.of(1, 2, 3)
            .onStart(() -> log.add("start"))
            .onComplete(() -> log.add("complete"))
            .onError(e -> log.add("error " + e.getMessage()))
            .onClose(() -> log.add("close"));
    hooked.forEach(x -> log.add("item " + x));
    assertThatThrownBy(
            () ->
                hooked.forEach(
                    x -> {
                      throw new IllegalStateException("bad item " + x);
                    }))
        .hasMessage("bad item 1");

    assertThat(log)
        .containsExactly(
            "start",
            "item 1",
            "item 2",
            "item 3",
            "complete",
            "close", // the first run
            "start",
            "error bad item 1",
            "close"); // the second run
    // end
  }

  @Test
  void cancellationAndTimeout() {
    // page: cancellation-and-timeout
    Pipe<Integer> endless =
        Pipe.generate(
            out -> {
              for (int i = 0; ; i++) {
                out.emit(i);
              }
            });
    Cancellation stop = new Cancellation();
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                endless
                    .withCancellation(stop)
                    .forEach(
                        x -> {
                          seen.add(x);
                          if (x == 2) {
                            stop.cancel(); // from any thread; the run is interrupted soon after
                            new CountDownLatch(1).await(); // so this wait ends at once
                          }
                        }))
        .isInstanceOf(PipeCancelledException.class);

    CountDownLatch never = new CountDownLatch(1);
    assertThatThrownBy(
            () -> Pipe.generate(out -> never.await()).timeout(Duration.ofMillis(50)).toList())
        .isInstanceOf(PipeTimeoutException.class); // the caller's thread is not interrupted

    assertThat(seen).containsExactly(0, 1, 2);
    // end
  }

  @Test
  void testingWithTheTestKit() throws Exception {
    // page: testing-with-the-test-kit
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder()
            .emit(1, 2, 3)
            .fail(() -> new IOException("disk gone"))
            .emit(4)
            .build();
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(() -> source.pipe().map(x -> x * 10).forEach(seen::add))
        .hasRootCauseMessage("disk gone");
    assertThat(seen).containsExactly(10, 20, 30);
    assertThat(source.closes()).isEqualTo(1); // closed once, on the failure

    VirtualClock clock = new VirtualClock(); // time moves only when the test says so
    CountDownLatch twoSent = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    Thread run =
        Thread.ofPlatform()
            .start(
                () ->
                    Pipe.<Integer>generate(
                            out -> {
                              out.emit(1);
                              out.emit(2);
                              twoSent.countDown();
                              finish.await();
                            })
                        .withClock(clock)
                        .batch(10, Duration.ofSeconds(5))
                        .forEach(batches::add));
    twoSent.await();
    clock.awaitParked(1); // the batch stage waits for its deadline...
    clock.advance(Duration.ofSeconds(5)); // ...which comes now, without sleeping
    finish.countDown();
    run.join();

    assertThat(batches).containsExactly(List.of(1, 2));
    // end
  }

  @Test
  void composition() {
    // page: composition
    Stage<String, String> trim =
        () ->
            (s, out) -> {
              out.emit(s.strip());
              return true;
            };
    Stage<String, String> nonBlank =
        () ->
            (s, out) -> {
              if (!s.isEmpty()) {
                out.emit(s);
              }
              return true;
            };
    Stage<String, String> clean = trim.andThen(nonBlank); // one stage, shipped as one value

    Function<Pipe<String>, Pipe<String>> anonymize = // a team's part of a pipeline
        emails ->
            emails
                .filter(e -> e.contains("@"))
                .map(e -> e.charAt(0) + "***" + e.substring(e.indexOf('@')));

    List<String> cleaned = Pipe.of(" a ", "  ", "b").via(clean).toList();
    List<String> anonymized = Pipe.of("ann@x.org", "bob@y.org").through(anonymize).toList();

    assertThat(cleaned).containsExactly("a", "b");
    assertThat(anonymized).containsExactly("a***@x.org", "b***@y.org");
    // end
  }

  @Test
  void splitAndGroup() {
    // page: split-and-group
    MemorySink<Integer> small = Sinks.memory();
    MemorySink<Integer> large = Sinks.memory();
    Pipe.of(5, 50, 7, 70).partition(x -> x < 10, p -> p.into(small), p -> p.into(large)).count();

    List<Map.Entry<String, Long>> perUser =
        Pipe.of("ann", "bob", "cid", "ann")
            .groupBy(user -> user, 2, Collectors.counting()) // at most 2 groups open at once
            .toList();
    List<List<Integer>> windows = Pipe.of(1, 2, 3, 4).sliding(2, 1).toList();
    List<Integer> roundRobin = Pipe.of(1, 2, 3).interleave(Pipe.of(10, 20)).toList();

    assertThat(small.committed()).containsExactly(5, 7);
    assertThat(large.committed()).containsExactly(50, 70);
    assertThat(perUser) // "cid" closed "ann", the least recently used; "ann" opened again
        .containsExactly(
            Map.entry("ann", 1L), Map.entry("bob", 1L), Map.entry("cid", 1L), Map.entry("ann", 1L));
    assertThat(windows).containsExactly(List.of(1, 2), List.of(2, 3), List.of(3, 4));
    assertThat(roundRobin).containsExactly(1, 10, 2, 20, 3);
    // end
  }

  @Test
  void transformFilterBatch() {
    // page: transform-filter-batch
    record Order(long id, String status, long cents) {}
    Pipe<List<String>> batches =
        Pipe.range(1, 11) // ids 1 to 10
            .map(id -> new Order(id, id % 3 == 0 ? "cancelled" : "paid", id * 250)) // transform
            .filter(o -> o.status().equals("paid")) // drop the cancelled ones
            .map(o -> o.id() + "," + o.cents())
            .batch(3); // lists of 3, the last may be shorter

    MemorySink<List<String>> warehouse = Sinks.memory(); // publishes a run's writes on commit
    long written = batches.into(warehouse);

    MemorySink<List<String>> firstTwo = Sinks.memory();
    batches.take(2).into(firstTwo); // an early stop is a success: what passed is committed

    MemorySink<List<String>> refused = Sinks.memory();
    Pipe<List<String>> failing =
        batches.peek(
            b -> {
              if (b.contains("7,1750")) {
                throw new IllegalStateException("warehouse refused " + b);
              }
            });
    Throwable failure = catchThrowable(() -> failing.into(refused)); // aborts the sink

    assertThat(written).isEqualTo(3);
    assertThat(warehouse.committed())
        .containsExactly(
            List.of("1,250", "2,500", "4,1000"),
            List.of("5,1250", "7,1750", "8,2000"),
            List.of("10,2500"));
    assertThat(firstTwo.committed()).hasSize(2);
    assertThat(failure).hasMessageContaining("warehouse refused [5,1250, 7,1750, 8,2000]");
    assertThat(refused.committed()).isEmpty(); // the first batch was written, then discarded
    assertThat(refused.aborts()).isEqualTo(1);
    // end
  }
}
