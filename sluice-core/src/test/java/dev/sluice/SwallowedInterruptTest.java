package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A generator that swallows {@link InterruptedException} (common in third-party code) still ends
 * when its run is cancelled: the next {@code emit} checks the run's cancelled state, not only the
 * interrupt flag. (Before, each of these hung forever; the timeouts only turn a hang into a
 * failure.)
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class SwallowedInterruptTest {
  /** Emits 0, 1, 2, ..., sleeping before each and swallowing the interrupt that ends a sleep. */
  private static Pipe<Integer> stubborn(Runnable beforeFirstSleep, AtomicInteger finallies) {
    return Pipe.generate(
        out -> {
          try {
            beforeFirstSleep.run();
            for (int i = 0; ; i++) {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException swallowed) {
                // third-party code that does not restore the interrupt
              }
              out.emit(i);
            }
          } finally {
            finallies.incrementAndGet();
          }
        });
  }

  @Test
  void aCancellationStopsTheGeneratorAtItsNextEmit() {
    AtomicInteger finallies = new AtomicInteger();
    for (int run = 0; run < 300; run++) {
      Cancellation cancellation = new Cancellation();
      AtomicInteger seen = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  stubborn(cancellation::cancel, finallies)
                      .withCancellation(cancellation)
                      .forEach(x -> seen.incrementAndGet()))
          .isExactlyInstanceOf(PipeCancelledException.class);
      assertThat(seen).hasValue(0);
    }
    assertThat(finallies).hasValue(300);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aTimeoutEndsTheRun() {
    AtomicInteger finallies = new AtomicInteger();
    for (int run = 0; run < 5; run++) {
      assertThatThrownBy(
              () -> stubborn(() -> {}, finallies).timeout(Duration.ofMillis(20)).toList())
          .isInstanceOf(PipeTimeoutException.class);
    }
    assertThat(finallies).hasValue(5);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void interruptingTheCallerOfATimedRunEndsIt() throws Exception {
    AtomicInteger finallies = new AtomicInteger();
    for (int run = 0; run < 50; run++) {
      CountDownLatch started = new CountDownLatch(1);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread caller =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      stubborn(started::countDown, finallies).timeout(Duration.ofHours(1)).toList();
                    } catch (Throwable t) {
                      thrown.set(t);
                    }
                  });
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      caller.join();
      assertThat(thrown.get()).isExactlyInstanceOf(PipeCancelledException.class);
    }
    assertThat(finallies).hasValue(50);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void anEmitOnATimedOutRunNeverReachesDownstream() {
    AtomicInteger seen = new AtomicInteger();
    Cancellation cancellation = new Cancellation();
    assertThatThrownBy(
            () ->
                Pipe.<Integer>generate(
                        out -> {
                          cancellation.cancel();
                          while (!Thread.interrupted()) {
                            Thread.onSpinWait();
                          }
                          out.emit(1);
                        })
                    .withCancellation(cancellation)
                    .forEach(x -> seen.incrementAndGet()))
        .isExactlyInstanceOf(PipeCancelledException.class);
    assertThat(seen).hasValue(0);
  }

  @Test
  void anInterruptWrappedUncheckedByALibraryEndsAsACancellation() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    Pipe.generate(
                            out -> {
                              out.emit(1);
                              Thread.currentThread().interrupt(); // the library restored it
                              throw new UncheckedIOException(
                                  new InterruptedIOException("read interrupted"));
                            })
                        .toList();
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                });
    caller.join();
    assertThat(thrown.get())
        .isExactlyInstanceOf(PipeCancelledException.class)
        .hasCauseInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aSocketTimeoutWrappedUncheckedStaysAsItIs() {
    UncheckedIOException timeout =
        new UncheckedIOException(new SocketTimeoutException("slow peer"));
    assertThatThrownBy(
            () ->
                Pipe.generate(
                        out -> {
                          throw timeout;
                        })
                    .toList())
        .isSameAs(timeout);
  }
}
