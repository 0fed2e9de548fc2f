package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLogTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Progress report(long count, Duration elapsed, long total, boolean done) {
    return new Progress(count, 0, 0, elapsed, total, 5L << 20, List.of(), done);
  }

  @Test
  void aLineHasRowsRateHeapAndTimeAndAnEtaWhenTheTotalIsKnown() {
    ProgressLog log = ProgressLog.to(out, "copy");
    log.accept(report(1_000, Duration.ofSeconds(2), 4_000, false));
    assertThat(printed())
        .isEqualTo("copy: 1,000 rows, 500 rows/s, ETA 6s, heap 5 MB, 2s" + System.lineSeparator());
  }

  @Test
  void countersGiveTheRowsAndTheBytesAndTheEtaAgainstTheSize() {
    AtomicLong rows = new AtomicLong(7_000);
    AtomicLong read = new AtomicLong(2L << 20);
    ProgressLog log = ProgressLog.to(out, "convert").counting(rows::get, read::get, 8L << 20);
    assertThat(log.line(report(1, Duration.ofSeconds(1), -1, false)))
        .isEqualTo("7,000 rows, 2.0 MB read, 2.0 MB/s, ETA 3s, heap 5 MB, 1s");
    assertThat(log.rows(report(1, Duration.ofSeconds(1), -1, false))).isEqualTo(7_000);
    assertThat(log.bytesRead()).isEqualTo(2L << 20);
  }

  @Test
  void theFinalReportNamesTheSlowestStageAsAUserKnowsIt() {
    ProgressLog log = ProgressLog.to(out, "job");
    Pipe.<Integer>generate(
            "csv users.csv",
            emit -> {
              for (int i = 0; i < 200; i++) {
                busy(Duration.ofMillis(1));
                emit.emit(i);
              }
            })
        .map(i -> i + 1)
        .onProgress(log, Duration.ofHours(1))
        .count();
    assertThat(printed())
        .startsWith("job: 200 rows, ")
        .contains("; slowest stage: reading the input (csv users.csv (stage 0)), ")
        .endsWith("% of the time working" + System.lineSeparator());
    assertThat(printed().lines()).hasSize(1);
  }

  @Test
  void theSlowestStageBelowTheReportIsWritingTheOutput() {
    ProgressLog log = ProgressLog.to(out, "job");
    Pipe.range(0, 100)
        .onProgress(log, Duration.ofHours(1))
        .forEach(i -> busy(Duration.ofMillis(2)));
    assertThat(printed()).contains("slowest stage: writing the output");
  }

  @Test
  void aroundReportsWhileTheWorkRunsThenOnceDoneAndReturnsItsValue() throws Exception {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    CountDownLatch ticked = new CountDownLatch(2);
    String value =
        ProgressLog.around(
            p -> {
              reports.add(p);
              ticked.countDown();
            },
            Duration.ofMillis(5),
            () -> {
              assertThat(ticked.await(30, TimeUnit.SECONDS)).isTrue();
              return "copied";
            });
    assertThat(value).isEqualTo("copied");
    assertThat(reports.size()).isGreaterThanOrEqualTo(3);
    assertThat(reports.subList(0, reports.size() - 1)).noneMatch(Progress::done);
    assertThat(reports.get(reports.size() - 1).done()).isTrue();
  }

  @Test
  void aroundGivesTheFinalReportWhenTheWorkFailsAndLeavesNoThread() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    int threads = Diagnostics.liveThreads();
    IOException boom = new IOException("copy failed");
    assertThatThrownBy(
            () ->
                ProgressLog.around(
                    reports::add,
                    Duration.ofHours(1),
                    () -> {
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(reports).singleElement().extracting(Progress::done).isEqualTo(true);
    assertThat(Diagnostics.liveThreads()).isEqualTo(threads);
  }

  @Test
  void aBlankTaskOrAZeroIntervalIsRefused() {
    assertThatThrownBy(() -> ProgressLog.to(out, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProgressLog.around(p -> {}, Duration.ZERO, () -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval");
  }

  private static void busy(Duration d) {
    long end = System.nanoTime() + d.toNanos();
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
