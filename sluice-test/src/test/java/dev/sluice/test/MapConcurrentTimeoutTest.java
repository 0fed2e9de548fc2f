package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Diagnostics;
import dev.sluice.MapConcurrency;
import dev.sluice.Pipe;
import dev.sluice.PipeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The per-call timeout of {@code mapConcurrent}, on a virtual clock. */
class MapConcurrentTimeoutTest {
  @Test
  void aCallStillRunningAtItsTimeoutFailsTheRunAndIsInterrupted() throws Exception {
    VirtualClock clock = new VirtualClock();
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    MapConcurrency settings = MapConcurrency.of(4).withCallTimeout(Duration.ofSeconds(5));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                Pipe.of(0, 1, 2)
                    .withClock(clock)
                    .mapConcurrent(
                        settings,
                        x -> {
                          // The first element is the one that hangs: were it a later one, a call
                          // before it that a loaded machine had not yet run when virtual time
                          // jumped would be the one named (the run waits in input order).
                          if (x == 0) {
                            try {
                              never.await();
                            } catch (InterruptedException e) {
                              interrupted.countDown();
                              throw e;
                            }
                          }
                          return x;
                        })
                    .toList();
                thrown.complete(null);
              } catch (Throwable t) {
                thrown.complete(t);
              }
            });
    clock.awaitParked(1);
    clock.advance(Duration.ofMillis(4_999));
    assertThat(thrown).isNotDone();
    clock.advance(Duration.ofMillis(1));
    assertThat(thrown.get(10, TimeUnit.SECONDS))
        .isExactlyInstanceOf(PipeException.class)
        .hasCauseInstanceOf(TimeoutException.class)
        .hasMessageContaining("element 0");
    assertThat(interrupted.getCount()).isZero();
    assertThat(Diagnostics.liveThreads()).isZero();
  }
}
