package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Cancellation;
import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.PipeTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TimeoutStageTest {
  private static ScriptedSource<Integer> stuckAfterOne() {
    return ScriptedSource.<Integer>builder().emit(1).delay(Duration.ofMinutes(5)).emit(2).build();
  }

  @Test
  void aRunThatEndsInTimeGivesItsElements() {
    assertThat(Pipe.of(1, 2, 3).timeout(Duration.ofMinutes(1)).toList()).containsExactly(1, 2, 3);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aRunStillGoingAtTheDeadlineEndsWithATimeoutAndClosesItsSource() throws Exception {
    VirtualClock clock = new VirtualClock();
    ScriptedSource<Integer> source = stuckAfterOne();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                source.pipe().withClock(clock).timeout(Duration.ofSeconds(30)).count();
                thrown.complete(null);
              } catch (Throwable t) {
                interruptedAfter.set(Thread.currentThread().isInterrupted());
                thrown.complete(t);
              }
            });
    clock.awaitParked(1);
    clock.advance(Duration.ofSeconds(29));
    assertThat(thrown).isNotDone();
    clock.advance(Duration.ofSeconds(1));
    assertThat(thrown.get(10, TimeUnit.SECONDS))
        .isInstanceOf(PipeTimeoutException.class)
        .hasMessageContaining("PT30S");
    assertThat(interruptedAfter).as("no interrupt left on the caller").isFalse();
    assertThat(source.allClosed()).isTrue();
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aCancellationFromAnotherThreadEndsABlockedRunWithin100Milliseconds() throws Exception {
    Cancellation cancellation = new Cancellation();
    ScriptedSource<Integer> source = stuckAfterOne();
    CompletableFuture<Long> endedAt = new CompletableFuture<>();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    source.pipe().withCancellation(cancellation).forEach(x -> {});
                  } catch (Throwable t) {
                    endedAt.complete(System.nanoTime());
                    thrown.complete(t);
                  }
                });
    while (source.pulled() < 1) {
      Thread.sleep(1);
    }
    long cancelledAt = System.nanoTime();
    cancellation.cancel();
    long took = endedAt.get(10, TimeUnit.SECONDS) - cancelledAt;
    assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofMillis(100));
    assertThat(thrown.get())
        .isExactlyInstanceOf(PipeCancelledException.class)
        .hasMessageContaining("Cancellation");
    runner.join();
    assertThat(source.allClosed()).isTrue();
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aRunStartedAfterTheCancelFailsAtOnceWithoutOpeningTheSource() {
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();
    ScriptedSource<Integer> source = ScriptedSource.ofRange(3);
    assertThatThrownBy(() -> source.pipe().withCancellation(cancellation).toList())
        .isExactlyInstanceOf(PipeCancelledException.class);
    assertThat(source.opens()).isZero();
  }

  @Test
  void aFailureInsideTheRunReachesTheCallerUnchanged() {
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(
            () ->
                Pipe.of(1, 2)
                    .timeout(Duration.ofMinutes(1))
                    .forEach(
                        x -> {
                          throw bad;
                        }))
        .isSameAs(bad);
  }

  @Test
  void interruptingTheCallerCancelsTheRunAndKeepsItsInterruptStatus() throws Exception {
    ScriptedSource<Integer> source = stuckAfterOne();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    source.pipe().timeout(Duration.ofMinutes(1)).count();
                  } catch (Throwable t) {
                    interruptedAfter.set(Thread.currentThread().isInterrupted());
                    thrown.complete(t);
                  }
                });
    while (source.pulled() < 1) {
      Thread.sleep(1);
    }
    runner.interrupt();
    assertThat(thrown.get(10, TimeUnit.SECONDS)).isExactlyInstanceOf(PipeCancelledException.class);
    runner.join();
    assertThat(interruptedAfter).isTrue();
    assertThat(source.allClosed()).isTrue();
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).timeout(Duration.ofSeconds(-1)))
        .hasMessage("timeout must be > 0, was PT-1S");
    assertThatThrownBy(() -> Pipe.of(1).withCancellation(null))
        .hasMessage("cancellation must not be null");
  }
}
