package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.Progress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@code onProgress} on a {@link VirtualClock}: elapsed time, rate, ETA and the per-stage report
 * are exact, because every time the report uses is read from the pipe's clock.
 */
class ProgressStageTimingTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void givesElapsedRateAndEtaWhenTheTotalIsKnown() throws Exception {
    VirtualClock clock = new VirtualClock();
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Thread run =
        Thread.ofVirtual()
            .start(
                () ->
                    Pipe.range(0, 1000)
                        .withClock(clock)
                        .peek(
                            x -> {
                              if (x == 250) {
                                reached.countDown();
                                release.await();
                              }
                            })
                        .onProgress(reports::add, SECOND)
                        .count());
    reached.await();
    clock.awaitParked(1); // the reporter waits for its interval
    clock.advance(Duration.ofSeconds(10));
    while (reports.isEmpty()) {
      Thread.onSpinWait(); // the reporter is reporting
    }
    Progress mid = reports.get(0);
    assertThat(mid.done()).isFalse();
    assertThat(mid.count()).isEqualTo(250);
    assertThat(mid.total()).isEqualTo(1000);
    assertThat(mid.elapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(mid.rate()).isEqualTo(25.0);
    assertThat(mid.eta()).contains(Duration.ofSeconds(30));
    assertThat(mid.report()).startsWith("250/1000 elements in 10.0 s (25/s), ETA 30 s, heap ");
    release.countDown();
    run.join();
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.count()).isEqualTo(1000);
    assertThat(last.elapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(last.rate()).isEqualTo(100.0);
    assertThat(last.eta()).contains(Duration.ZERO);
  }

  @Test
  void namesTheStageThatWorkedAndSaysHowLong() {
    VirtualClock clock = new VirtualClock();
    List<Progress> reports = new CopyOnWriteArrayList<>();
    long n =
        Pipe.range(0, 60)
            .withClock(clock)
            .map(x -> x + 1)
            .filter(x -> x > 0)
            .map(
                x -> {
                  clock.advance(Duration.ofMillis(5)); // 5 ms of work, in virtual time
                  return x;
                })
            .peek(x -> {})
            .map(x -> x * 2)
            .onProgress(reports::add, Duration.ofHours(1))
            .count();
    assertThat(n).isEqualTo(60);
    assertThat(reports).hasSize(1);
    Progress last = reports.get(0);
    assertThat(last.done()).isTrue();
    assertThat(last.elapsed()).isEqualTo(Duration.ofMillis(300));
    // positions count withClock (stage 1), which is not metered: it hands its downstream through
    assertThat(last.slowest()).map(Progress.StageStats::stage).contains("map (stage 4)");
    assertThat(last.stages())
        .extracting(Progress.StageStats::stage)
        .containsExactly(
            "range (stage 0)",
            "map (stage 2)",
            "filter (stage 3)",
            "map (stage 4)",
            "peek (stage 5)",
            "map (stage 6)",
            "after onProgress (stage 7)");
    assertThat(last.stages()).allSatisfy(s -> assertThat(s.count()).isEqualTo(60));
    Progress.StageStats slow = last.stages().get(3);
    assertThat(slow.working()).isEqualTo(Duration.ofMillis(300));
    assertThat(slow.waiting()).isEqualTo(Duration.ZERO);
    assertThat(slow.workingShare()).isEqualTo(1.0);
    assertThat(last.stages())
        .filteredOn(s -> s != slow)
        .allSatisfy(s -> assertThat(s.working()).isEqualTo(Duration.ZERO));
    assertThat(last.report()).contains("slowest: map (stage 4) (100% working)");
  }
}
