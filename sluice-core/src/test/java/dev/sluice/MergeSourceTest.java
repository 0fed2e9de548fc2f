package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MergeSourceTest {
  @Test
  void deliversEveryElementOfEveryInput() {
    Sizes.sizes()
        .forEach(
            n -> {
              List<Long> got =
                  Pipe.merge(Pipe.from(Sizes.longs(n)), Pipe.range(n, 2L * n), Pipe.<Long>empty())
                      .toList();
              assertThat(got).containsExactlyInAnyOrderElementsOf(Sizes.longs(2 * n));
            });
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void passesElementsOnInTheOrderTheyArrive() {
    CountDownLatch fastDone = new CountDownLatch(1);
    Pipe<String> slow =
        Pipe.generate(
            out -> {
              fastDone.await();
              out.emit("slow");
            });
    Pipe<String> fast = Pipe.of("fast");
    List<String> got = new ArrayList<>();
    Pipe.merge(slow, fast)
        .forEach(
            x -> {
              got.add(x);
              fastDone.countDown();
            });
    assertThat(got).containsExactly("fast", "slow");
  }

  @Test
  void aFailingInputEndsTheRunAndInterruptsABlockedOne() {
    IOException boom = new IOException("boom");
    AtomicInteger interrupted = new AtomicInteger();
    Pipe<Integer> blocked =
        Pipe.generate(
            out -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
              }
            });
    assertThatThrownBy(() -> Pipe.merge(blocked, Pipe.<Integer>failed(boom)).toList())
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom);
    assertThat(interrupted).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void earlyStopStopsEveryInput() {
    Probe a = new Probe(1_000_000);
    Probe b = new Probe(1_000_000);
    assertThat(Pipe.merge(a.pipe(), b.pipe()).take(10).count()).isEqualTo(10);
    assertThat(a.finallies).hasValue(1);
    assertThat(b.finallies).hasValue(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void rejectsANullInputNamingIt() {
    assertThatThrownBy(() -> Pipe.merge(Pipe.of(1), null)).hasMessage("pipes[1] must not be null");
  }
}
