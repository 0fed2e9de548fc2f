package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressStageTest {
  @Test
  void namesTheSlowStageInTheMiddleOfFive() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    long n =
        Pipe.range(0, 60)
            .map(x -> x + 1)
            .filter(x -> x > 0)
            .map(
                x -> {
                  Thread.sleep(5);
                  return x;
                })
            .peek(x -> {})
            .map(x -> x * 2)
            .onProgress(reports::add, Duration.ofMillis(50))
            .count();
    assertThat(n).isEqualTo(60);
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.count()).isEqualTo(60);
    assertThat(last.slowest()).map(Progress.StageStats::stage).contains("map (stage 3)");
    assertThat(last.stages()).extracting(Progress.StageStats::position).startsWith(0, 1, 2, 3);
    assertThat(last.stages().get(3).count()).isEqualTo(60);
    assertThat(last.report()).contains("slowest: map (stage 3)");
    assertThat(reports.size()).isGreaterThan(1);
  }

  @Test
  void givesAnEtaWhenTheTotalIsKnown() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Pipe.range(0, 1000).onProgress(reports::add, Duration.ofHours(1)).count();
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.total()).isEqualTo(1000);
    assertThat(last.heapUsed()).isPositive();
    assertThat(Pipe.generate(out -> out.emit(1)).knownSize()).isEqualTo(-1);
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
    assertThat(Pipe.range(0, 10).map(x -> x).count()).isEqualTo(10);
    assertThat(dev.sluice.internal.Metering.wrap(null, (Object x) -> true)).isNotNull();
  }

  @Test
  void rejectsBadArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).onProgress(p -> {}, Duration.ZERO))
        .hasMessage("interval must be > 0, was PT0S");
    assertThatThrownBy(() -> Pipe.of(1).onProgress(null, Duration.ofSeconds(1)))
        .hasMessage("listener must not be null");
  }
}
