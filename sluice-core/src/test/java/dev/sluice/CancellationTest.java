package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancellationTest {
  /** Runs {@code pipe.count()} on a thread, interrupts it once started, returns what it threw. */
  private static Throwable interruptWhileRunning(Pipe<?> pipe, CountDownLatch started)
      throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    pipe.count();
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                  flagAfter.set(Thread.currentThread().isInterrupted());
                });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    runner.interrupt();
    runner.join(5_000);
    assertThat(runner.isAlive()).isFalse();
    assertThat(flagAfter).as("interrupt status restored").isTrue();
    return thrown.get();
  }

  @Test
  void interruptingABusyRunCancelsItAndClosesTheSource() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger closed = new AtomicInteger();
    Pipe<Long> endless =
        Pipe.using(
            () -> (AutoCloseable) closed::incrementAndGet,
            r -> Pipe.range(0, Long.MAX_VALUE).peek(x -> started.countDown()));
    assertThat(interruptWhileRunning(endless.map(x -> x + 1), started))
        .isInstanceOf(PipeCancelledException.class);
    assertThat(closed).hasValue(1);
  }

  @Test
  void interruptingABlockedGeneratorCancelsTheRun() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger finallies = new AtomicInteger();
    Pipe<Integer> blocked =
        Pipe.generate(
            out -> {
              try {
                out.emit(1);
                started.countDown();
                Thread.sleep(60_000);
              } finally {
                finallies.incrementAndGet();
              }
            });
    assertThat(interruptWhileRunning(blocked, started))
        .isInstanceOf(PipeCancelledException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(finallies).hasValue(1);
  }

  @Test
  void interruptingAGeneratorThatSwallowsExceptionsStillCancelsAtItsNextEmit() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Pipe<Integer> stubborn =
        Pipe.generate(
            out -> {
              for (int i = 0; ; i++) {
                try {
                  started.countDown();
                  out.emit(i);
                } catch (Exception ignored) {
                  // swallows everything it can
                }
              }
            });
    assertThat(interruptWhileRunning(stubborn, started)).isInstanceOf(PipeCancelledException.class);
  }
}
