package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An iterator or stream dropped without close is cancelled once unreachable: its thread ends and
 * its source closes. The collector runs when it wants, so each test asks for it in a loop until the
 * close happened or a generous deadline passed (the deadline only turns a leak into a failure).
 */
class AbandonedIteratorTest {
  private static final long DEADLINE_NANOS = 60_000_000_000L;

  /** An endless source that counts its closes. */
  private static Pipe<Long> endless(AtomicInteger closes) {
    return Pipe.using(() -> closes::incrementAndGet, r -> Pipe.range(0, Long.MAX_VALUE));
  }

  private static void collectUntil(AtomicInteger closes, int expected) throws InterruptedException {
    long start = System.nanoTime();
    while ((closes.get() < expected || Diagnostics.liveThreads() > 0)
        && System.nanoTime() - start < DEADLINE_NANOS) {
      System.gc();
      Thread.sleep(10);
    }
  }

  @Test
  void anUnclosedLimitedStreamClosesItsSourceOnceUnreachable() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    for (int run = 0; run < 20; run++) {
      assertThat(endless(closes).stream().limit(3).count()).isEqualTo(3);
    }
    collectUntil(closes, 20);
    assertThat(closes).hasValue(20);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void anAbandonedIteratorClosesItsSourceOnceUnreachable() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    for (int run = 0; run < 20; run++) {
      Iterator<Long> it = endless(closes).iterator(4);
      assertThat(it.next()).isZero();
    }
    collectUntil(closes, 20);
    assertThat(closes).hasValue(20);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aClosedIteratorIsNotCleanedTwice() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    for (int run = 0; run < 20; run++) {
      try (CloseableIterator<Long> it = endless(closes).iterator(4)) {
        assertThat(it.next()).isZero();
      }
    }
    assertThat(closes).hasValue(20);
    for (int round = 0; round < 20; round++) { // gives a wrong second clean the chance to show
      System.gc();
      Thread.sleep(10);
    }
    assertThat(closes).hasValue(20);
  }
}
