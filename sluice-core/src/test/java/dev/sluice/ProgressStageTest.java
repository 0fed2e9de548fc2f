package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.internal.Downstream;
import dev.sluice.internal.Metering;
import dev.sluice.internal.RangeSource;
import dev.sluice.internal.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgressStageTest {
  @Test
  void reportsTheHeapInUseThatARunHolds() {
    int size = 64 << 20;
    AtomicReference<byte[]> held = new AtomicReference<>();
    List<Progress> reports = new CopyOnWriteArrayList<>();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    Pipe.of(1)
        .peek(x -> held.set(new byte[size]))
        .onProgress(reports::add, Duration.ofHours(1))
        .count();
    assertThat(held.get()).hasSize(size);
    // the array is live while the final report is taken; a collection meanwhile can only have
    // freed what was garbage before, which the gc above left little of
    assertThat(reports.get(reports.size() - 1).heapUsed() - before)
        .isGreaterThanOrEqualTo(size * 3L / 4);
  }

  @Test
  void theTotalIsTheSourcesKnownSizeOrUnknown() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Pipe.range(0, 1000).onProgress(reports::add, Duration.ofHours(1)).count();
    assertThat(reports.get(reports.size() - 1).total()).isEqualTo(1000);
    Pipe.generate(out -> out.emit(1)).onProgress(reports::add, Duration.ofHours(1)).count();
    Progress unknown = reports.get(reports.size() - 1);
    assertThat(unknown.total()).isEqualTo(-1);
    assertThat(unknown.eta()).isEmpty();
  }

  @Test
  void reportsOnceMoreWhenTheRunFails() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(
            () ->
                Pipe.of(1, 2, 3)
                    .peek(
                        x -> {
                          if (x == 3) {
                            throw bad;
                          }
                        })
                    .onProgress(reports::add, Duration.ofHours(1))
                    .count())
        .isSameAs(bad);
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).count()).isEqualTo(2);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void meteringIsOffForPipesWithoutOnProgress() {
    Downstream<Object> down = x -> true;
    Source<Long> node = new RangeSource(0, 10);
    assertThat(Metering.wrap(node, down)).isSameAs(down);
    // inside an onProgress run the same call hands back a counting relay
    List<Object> inside = new ArrayList<>();
    Pipe.of(1)
        .peek(x -> inside.add(Metering.wrap(node, down)))
        .onProgress(p -> {}, Duration.ofHours(1))
        .count();
    assertThat(inside).containsExactly(down); // node is not in that run's chain: not metered
    assertThat(Metering.wrap(node, down)).isSameAs(down); // and the run's meter is gone after it
  }

  @Test
  void onTheSystemClockCountsAreExactAndTimesAreEstimatedFromSampledPushes() {
    // every 20th element parks 100 µs in the slow stage: at least 0.2 s of work there, found by
    // timing about one push in 32 at random gaps (a fixed stride would never meet some patterns)
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Pipe.range(0, 40_000)
        .map(x -> x + 1)
        .peek(
            x -> {
              if (x % 20 == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
              }
            })
        .onProgress(reports::add, Duration.ofHours(1))
        .count();
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.stages()).allSatisfy(s -> assertThat(s.count()).isEqualTo(40_000));
    Progress.StageStats slow = last.stages().get(2);
    assertThat(slow.stage()).startsWith("peek");
    assertThat(last.slowest()).contains(slow);
    // the estimate errs by a few per cent at these counts; the bound is far from it either way,
    // and load only makes the real time longer
    assertThat(slow.working()).isGreaterThan(Duration.ofMillis(100));
  }

  @Test
  void aBufferWaitingForASlowConsumerIsNotItsSlowestStage() {
    // the producer spends the run blocked in buffer's full queue; the work is the consumer's
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Pipe.range(0, 300)
        .buffer(2)
        .peek(x -> java.util.concurrent.locks.LockSupport.parkNanos(1_000_000))
        .onProgress(reports::add, Duration.ofHours(1))
        .count();
    Progress last = reports.get(reports.size() - 1);
    Progress.StageStats buffer = last.stages().get(1);
    assertThat(buffer.stage()).startsWith("buffer");
    assertThat(buffer.working()).isZero();
    assertThat(last.slowest().map(Progress.StageStats::stage))
        .hasValueSatisfying(s -> assertThat(s).startsWith("peek"));
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).onProgress(p -> {}, Duration.ZERO))
        .hasMessage("interval must be > 0, was PT0S");
    assertThatThrownBy(() -> Pipe.of(1).onProgress(null, Duration.ofSeconds(1)))
        .hasMessage("listener must not be null");
  }
}
