package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TeeStageTest {
  @Test
  void everyBranchAndTheMainPathSeeEveryElement() {
    Sizes.sizes()
        .forEach(
            n -> {
              List<Long> one = new CopyOnWriteArrayList<>();
              List<Long> two = new CopyOnWriteArrayList<>();
              List<Long> main =
                  Pipe.from(Sizes.longs(n))
                      .tee(p -> p.forEach(one::add))
                      .tee(p -> p.forEach(two::add))
                      .toList();
              assertThat(main).isEqualTo(Sizes.longs(n));
              assertThat(one).isEqualTo(Sizes.longs(n));
              assertThat(two).isEqualTo(Sizes.longs(n));
            });
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aWaitingTeeLetsTheSlowestBranchSetThePace() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Probe probe = new Probe(100);
    Thread runner =
        Thread.ofPlatform()
            .start(
                () ->
                    probe
                        .pipe()
                        .tee(4, SlowBranch.WAIT, p -> p.forEach(x -> release.await()))
                        .count());
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (probe.produced.get() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    Thread.sleep(50);
    // one held by the branch, at most four in its buffer, one waiting to be handed over
    assertThat(probe.produced.get()).isBetween(5, 6);
    release.countDown();
    runner.join();
    assertThat(probe.produced).hasValue(100);
  }

  @Test
  void aDroppingTeeNeverHoldsTheMainPathBack() {
    CountDownLatch release = new CountDownLatch(1);
    List<Long> branch = new CopyOnWriteArrayList<>();
    long n =
        Pipe.range(0, 10_000)
            .tee(
                4,
                SlowBranch.DROP,
                p ->
                    p.forEach(
                        x -> {
                          release.await();
                          branch.add(x);
                        }))
            .peek(
                x -> {
                  if (x == 9_999) {
                    release.countDown();
                  }
                })
            .count();
    assertThat(n).isEqualTo(10_000);
    assertThat(branch.size()).isLessThan(10_000);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void aDetachedBranchGetsAnErrorAndTheMainPathGoesOn() {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Throwable> branchSaw = new AtomicReference<>();
    long n =
        Pipe.range(0, 1000)
            .tee(
                4,
                SlowBranch.DETACH,
                p -> {
                  try {
                    p.forEach(x -> release.await());
                  } catch (PipeException e) {
                    branchSaw.set(e);
                  }
                })
            .peek(
                x -> {
                  if (x == 999) {
                    release.countDown();
                  }
                })
            .count();
    assertThat(n).isEqualTo(1000);
    assertThat(branchSaw.get()).hasMessageContaining("buffer of 4").hasMessageContaining("DETACH");
  }

  @Test
  void aFailingBranchFailsTheRun() {
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(
            () ->
                Pipe.range(0, 1_000_000)
                    .tee(
                        p ->
                            p.forEach(
                                x -> {
                                  throw bad;
                                }))
                    .count())
        .isSameAs(bad);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).tee(0, SlowBranch.WAIT, p -> {}))
        .hasMessage("buffer must be > 0, was 0");
    assertThatThrownBy(() -> Pipe.of(1).tee(1, null, p -> {}))
        .hasMessage("policy must not be null");
  }
}
