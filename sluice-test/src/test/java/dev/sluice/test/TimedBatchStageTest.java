package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.PipeException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimedBatchStageTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Integer END = -1;

  private final VirtualClock clock = new VirtualClock();
  private final BlockingQueue<Integer> script = new LinkedBlockingQueue<>();
  private final BlockingQueue<List<Integer>> batches = new LinkedBlockingQueue<>();
  private Thread runner;

  /** A source that emits what the test puts in {@code script}, until END. */
  private Pipe<Integer> scripted() {
    return Pipe.generate(
        out -> {
          for (Integer next = script.take(); !next.equals(END); next = script.take()) {
            out.emit(next);
          }
        });
  }

  private void start(int size, Duration maxWait) {
    runner =
        Thread.ofPlatform()
            .start(() -> scripted().withClock(clock).batch(size, maxWait).forEach(batches::put));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (runner != null) {
      script.put(END);
      runner.join(10_000);
      assertThat(runner.isAlive()).isFalse();
    }
    RunChecks.assertNoLiveThreads(Duration.ofSeconds(1));
  }

  @Test
  void givesFullBatchesAndTheRemainderForEverySize() {
    for (int n : new int[] {0, 1, 10, 33, 99, 9999}) {
      List<Integer> input = IntStream.range(0, n).boxed().toList();
      List<List<Integer>> got = Pipe.from(input).withClock(clock).batch(10, SECOND).toList();
      assertThat(got.stream().flatMap(List::stream).toList()).isEqualTo(input);
      assertThat(got).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 10));
      assertThat(got).hasSize((n + 9) / 10);
    }
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void flushesAPartialBatchWhenTheTimerFires() throws Exception {
    start(10, SECOND);
    script.put(1);
    script.put(2);
    clock.awaitParked(1);
    assertThat(batches).isEmpty();
    clock.advance(SECOND);
    assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2);
  }

  @Test
  void startsTheTimerWithTheFirstElementOfABatch() throws Exception {
    start(10, SECOND);
    clock.advance(Duration.ofMinutes(5)); // no batch open: nothing to time
    script.put(1);
    clock.awaitParked(1);
    clock.advance(Duration.ofMillis(600));
    script.put(2);
    clock.advance(Duration.ofMillis(399));
    assertThat(batches.poll(20, TimeUnit.MILLISECONDS)).isNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2);
    script.put(3);
    clock.awaitParked(1);
    clock.advance(SECOND);
    assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(3);
  }

  @Test
  void emitsAFullBatchAtOnceWithoutWaitingForTheTimer() throws Exception {
    start(3, SECOND);
    script.addAll(List.of(1, 2, 3, 4));
    assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
    script.put(END);
    assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(4);
  }

  @Test
  void blocksTheUpstreamInsteadOfDroppingWhenDownstreamIsSlow() throws Exception {
    AtomicInteger produced = new AtomicInteger();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<List<Long>> got = new ArrayList<>();
    Thread slow =
        Thread.ofPlatform()
            .start(
                () ->
                    Pipe.range(0, 100)
                        .peek(x -> produced.incrementAndGet())
                        .withClock(clock)
                        .batch(2, SECOND)
                        .forEach(
                            b -> {
                              release.await();
                              got.add(b);
                            }));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (produced.get() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    Thread.sleep(50);
    // [0, 1] held downstream, [2, 3] full and waiting, 4 waiting to be added
    assertThat(produced).hasValue(5);
    release.countDown();
    slow.join();
    assertThat(got.stream().flatMap(List::stream).toList()).hasSize(100);
  }

  @Test
  void upstreamFailureComesAfterTheBatchesBeforeItThePartialOneIncluded() {
    IOException boom = new IOException("boom");
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder().emit(1, 2, 3, 4, 5).fail(() -> boom).build();
    List<List<Integer>> seen = new ArrayList<>();
    assertThatThrownBy(() -> source.pipe().withClock(clock).batch(2, SECOND).forEach(seen::add))
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom);
    assertThat(seen).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    assertThat(source.allClosed()).isTrue();
  }

  @Test
  void earlyStopStopsTheUpstreamAndJoinsIt() {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(1000);
    assertThat(source.pipe().batch(10, SECOND).first())
        .contains(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    assertThat(source.finallies()).isEqualTo(1);
    assertThat(source.allClosed()).isTrue();
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).batch(0, SECOND))
        .hasMessage("batch size must be > 0, was 0");
    assertThatThrownBy(() -> Pipe.of(1).batch(1, Duration.ZERO))
        .hasMessage("maxWait must be > 0, was PT0S");
    assertThatThrownBy(() -> Pipe.of(1).batch(1, null)).hasMessage("maxWait must not be null");
  }
}
