package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SampleStageTest {
  private static final Duration PERIOD = Duration.ofSeconds(1);

  @Test
  void passesTheLatestElementAtEachTick() throws Exception {
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
                              out.emit(3);
                              burst.countDown();
                              more.await();
                              out.emit(4);
                              out.emit(5);
                              second.countDown();
                              end.await();
                            })
                        .withClock(clock)
                        .sample(PERIOD)
                        .forEach(seen::put));
    burst.await();
    clock.awaitParked(1);
    clock.advance(PERIOD.dividedBy(2));
    assertThat(seen.poll(20, TimeUnit.MILLISECONDS)).isNull();
    clock.awaitParked(1);
    clock.advance(PERIOD.dividedBy(2));
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(3);
    more.countDown();
    second.await();
    clock.awaitParked(1);
    clock.advance(PERIOD);
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(5);
    end.countDown();
    runner.join();
    assertThat(seen).isEmpty();
  }

  @Test
  void passesTheHeldElementAtTheEndOfEveryInputSize() {
    for (int n : new int[] {0, 1, 10, 33, 99, 9999}) {
      assertThat(Pipe.range(0, n).withClock(new VirtualClock()).sample(PERIOD).toList())
          .isEqualTo(n == 0 ? List.of() : List.of(n - 1L));
    }
  }

  @Test
  void rejectsANonPositivePeriodWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).sample(Duration.ofSeconds(-1)))
        .hasMessage("period must be > 0, was PT-1S");
  }
}
