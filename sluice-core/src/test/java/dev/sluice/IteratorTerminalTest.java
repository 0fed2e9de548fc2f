package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IteratorTerminalTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void yieldsEveryElementInOrderAndEndsItsThread(int n) {
    List<Long> got = new ArrayList<>();
    try (CloseableIterator<Long> it = Pipe.from(Sizes.longs(n)).iterator(8)) {
      it.forEachRemaining(got::add);
      assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }
    assertThat(got).isEqualTo(Sizes.longs(n));
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void producerRunsAtMostBufferElementsAhead() throws Exception {
    AtomicInteger produced = new AtomicInteger();
    CountDownLatch handingOverTheSixth = new CountDownLatch(1);
    try (CloseableIterator<Integer> it =
        Pipe.<Integer>generate(
                out -> {
                  for (int i = 0; ; i++) {
                    produced.set(i);
                    if (i == 5) {
                      handingOverTheSixth.countDown();
                    }
                    out.emit(i);
                  }
                })
            .iterator(5)) {
      handingOverTheSixth.await();
      Thread.sleep(50);
      // nothing taken yet: five in the hand-off, the sixth waiting in the producer's hand
      assertThat(produced).hasValue(5);
      for (int i = 0; i < 100; i++) {
        assertThat(it.next()).isEqualTo(i);
      }
      assertThat(produced.get()).isLessThanOrEqualTo(100 + 5);
    }
  }

  @Test
  void closingEarlyStopsTheProducerAndRunsItsCleanupBeforeReturning() {
    Probe probe = new Probe(Integer.MAX_VALUE);
    CloseableIterator<Integer> it = probe.pipe().iterator(16);
    assertThat(it.next()).isZero();
    it.close();
    assertThat(probe.finallies).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void closingInterruptsAProducerBlockedInItsOwnCode() {
    AtomicInteger cleanups = new AtomicInteger();
    CloseableIterator<Integer> it =
        Pipe.<Integer>generate(
                out -> {
                  try {
                    out.emit(1);
                    Thread.sleep(60_000);
                  } finally {
                    cleanups.incrementAndGet();
                  }
                })
            .iterator();
    assertThat(it.next()).isEqualTo(1);
    long start = System.nanoTime();
    it.close();
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    assertThat(cleanups).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void producerFailureReachesTheReaderAfterTheElementsBeforeIt() {
    IOException boom = new IOException("boom");
    List<Integer> got = new ArrayList<>();
    try (CloseableIterator<Integer> it =
        Pipe.<Integer>generate(
                out -> {
                  out.emit(1);
                  out.emit(2);
                  throw boom;
                })
            .iterator()) {
      assertThatThrownBy(() -> it.forEachRemaining(got::add))
          .isInstanceOf(PipeException.class)
          .hasCause(boom);
    }
    assertThat(got).containsExactly(1, 2);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aSlowTrickleArrivesWithoutWaitingForMore() {
    try (CloseableIterator<Integer> it =
        Pipe.<Integer>generate(
                out -> {
                  out.emit(1);
                  Thread.sleep(60_000);
                })
            .iterator()) {
      long start = System.nanoTime();
      assertThat(it.next()).isEqualTo(1);
      assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
  }

  @Test
  void zeroBufferIsRejected() {
    assertThatThrownBy(() -> Pipe.of(1).iterator(0)).hasMessage("buffer must be > 0, was 0");
  }
}
