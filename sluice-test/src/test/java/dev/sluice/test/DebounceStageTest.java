package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DebounceStageTest {
  private static final Duration QUIET = Duration.ofSeconds(1);

  @Test
  void passesAnElementOnlyAfterAQuietPeriodAndTheLastAtTheEnd() throws Exception {
    VirtualClock clock = new VirtualClock();
    CountDownLatch burst = new CountDownLatch(1);
    CountDownLatch more = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () ->
                    Pipe.<Integer>generate(
                            out -> {
                              out.emit(1);
                              out.emit(2);
                              burst.countDown();
                              more.await();
                              out.emit(3);
                              second.countDown();
                              end.await();
                              out.emit(4);
                            })
                        .withClock(clock)
                        .debounce(QUIET)
                        .forEach(seen::put));
    burst.await();
    clock.awaitParked(1);
    clock.advance(QUIET);
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(2);
    more.countDown();
    second.await();
    clock.awaitParked(1);
    clock.advance(QUIET.dividedBy(2));
    assertThat(seen.poll(20, TimeUnit.MILLISECONDS)).isNull();
    end.countDown();
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(4);
    runner.join();
    assertThat(seen).isEmpty();
  }

  @Test
  void aNewerElementStartsTheWaitAgain() throws Exception {
    VirtualClock clock = new VirtualClock();
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch next = new CountDownLatch(1);
    CountDownLatch nextDone = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () ->
                    Pipe.<Integer>generate(
                            out -> {
                              out.emit(1);
                              first.countDown();
                              next.await();
                              out.emit(2);
                              nextDone.countDown();
                              end.await();
                            })
                        .withClock(clock)
                        .debounce(QUIET)
                        .forEach(seen::put));
    first.await();
    clock.awaitParked(1);
    clock.advance(QUIET.dividedBy(2));
    next.countDown();
    try {
      nextDone.await();
      // the wait for 1 may still count as parked here; an advance before the stage starts its
      // new wait is fine, as the clock measures that wait from the time the stage read
      clock.awaitParked(1);
      clock.advance(QUIET.dividedBy(2));
      assertThat(seen.poll(20, TimeUnit.MILLISECONDS)).isNull();
      clock.awaitParked(1);
      clock.advance(QUIET.dividedBy(2));
      assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(2);
    } finally {
      end.countDown(); // a failure above must not leave the runner for later tests to trip on
      runner.join();
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void passesTheLastOfEveryInputSize() {
    for (int n : new int[] {0, 1, 10, 33, 99, 9999}) {
      assertThat(Pipe.range(0, n).withClock(new VirtualClock()).debounce(QUIET).toList())
          .isEqualTo(n == 0 ? java.util.List.of() : java.util.List.of(n - 1L));
    }
  }

  @Test
  void rejectsANonPositiveQuietPeriodWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).debounce(Duration.ZERO))
        .hasMessage("quiet must be > 0, was PT0S");
  }
}
