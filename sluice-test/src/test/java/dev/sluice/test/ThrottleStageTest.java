package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottleStageTest {
  @Test
  void spacesElementsEvenlyAndDropsNone() throws Exception {
    VirtualClock clock = new VirtualClock();
    BlockingQueue<Integer> seen = new LinkedBlockingQueue<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () ->
                    Pipe.of(1, 2, 3)
                        .withClock(clock)
                        .throttle(2, Duration.ofSeconds(1))
                        .forEach(seen::put));
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(1);
    clock.awaitParked(1);
    clock.advance(Duration.ofMillis(499));
    assertThat(seen.poll(20, TimeUnit.MILLISECONDS)).isNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(2);
    clock.awaitParked(1);
    clock.advance(Duration.ofMillis(500));
    assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(3);
    runner.join();
  }

  @Test
  void passesEveryElementForEverySize() {
    for (int n : new int[] {0, 1, 10, 33, 99, 9999}) {
      assertThat(Pipe.range(0, n).throttle(1_000_000_000, Duration.ofSeconds(1)).count())
          .isEqualTo(n);
    }
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).throttle(0, Duration.ofSeconds(1)))
        .hasMessage("throttle count must be > 0, was 0");
    assertThatThrownBy(() -> Pipe.of(1).throttle(1, Duration.ZERO))
        .hasMessage("per must be > 0, was PT0S");
  }
}
