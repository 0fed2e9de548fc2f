package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  @Test
  void aWaitIsMeasuredFromWhenTheThreadReadTheTimeEvenIfTheClockMovedBeforeItParked()
      throws Exception {
    VirtualClock clock = new VirtualClock();
    CountDownLatch read = new CountDownLatch(1);
    CountDownLatch moved = new CountDownLatch(1);
    AtomicLong wokeAt = new AtomicLong(-1);
    Thread waiter =
        Thread.ofPlatform()
            .start(
                () -> {
                  long now = clock.nanoTime(); // 0: the thread works out a wait of 10 from here
                  read.countDown();
                  try {
                    moved.await(); // the test advances the clock before the thread parks
                    clock.parkNanos(10 - now); // worked out before the clock moved
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  wokeAt.set(clock.nanoTime());
                });
    read.await();
    clock.advance(Duration.ofNanos(4));
    moved.countDown();
    clock.awaitParked(1);
    clock.advance(Duration.ofNanos(6)); // time 10: the thread's deadline
    waiter.join(10_000);
    assertThat(waiter.isAlive()).as("the waiter overslept its deadline").isFalse();
    assertThat(wokeAt.get()).isEqualTo(10);
  }

  @Test
  void aThreadWhoseTimeHasPassedDoesNotPark() {
    VirtualClock clock = new VirtualClock();
    long read = clock.nanoTime();
    clock.advance(Duration.ofNanos(20));
    clock.parkNanos(10); // measured from the read at 0: already due
    assertThat(clock.parked()).isZero();
    assertThat(clock.nanoTime() - read).isEqualTo(20);
  }
}
