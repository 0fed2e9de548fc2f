package dev.sluice.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Reports a run's progress on stderr: a progress bar when stderr is a terminal (the {@code sluice}
 * script sets {@code -Dsluice.tty=true}), else one line every {@code sluice.progress.seconds}
 * seconds (default 5). Runs on one thread of its own, stopped and joined by {@link #close()}.
 */
final class Progress implements AutoCloseable {
  private final Counters counters;
  private final PrintStream err;
  private final ProgressBar bar;
  private final Thread ticker;
  private final String task;

  private Progress(String task, Counters counters, long totalBytes, PrintStream err) {
    this.task = task;
    this.counters = counters;
    this.err = err;
    boolean tty = Boolean.getBoolean("sluice.tty");
    this.bar = tty ? bar(task, totalBytes, err) : null;
    long millis =
        tty
            ? 200
            : (long)
                (Double.parseDouble(System.getProperty("sluice.progress.seconds", "5")) * 1000);
    this.ticker = Thread.ofPlatform().daemon().name("sluice-progress").start(() -> tick(millis));
  }

  static Progress start(String task, Counters counters, long totalBytes, PrintStream err) {
    return new Progress(task, counters, totalBytes, err);
  }

  private static ProgressBar bar(String task, long totalBytes, PrintStream err) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(totalBytes > 0 ? totalBytes : -1)
        .setUnit(" MB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .showSpeed()
        .build();
  }

  private void tick(long millis) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(millis);
        if (bar != null) {
          bar.stepTo(counters.bytesRead.get());
          bar.setExtraMessage(" " + counters.rows.get() + " rows");
        } else {
          err.println("sluice: " + task + ": " + line());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Rows, MB read and MB/s (or rows/s for a run that reads no bytes, such as a database export),
   * heap in use and elapsed time, for a log line.
   */
  String line() {
    double seconds = Math.max(1e-9, (System.nanoTime() - counters.startNanos) / 1e9);
    long rows = counters.rows.get();
    double mb = counters.bytesRead.get() / 1048576.0;
    String rate =
        mb > 0
            ? String.format(Locale.ROOT, "%.1f MB read, %.1f MB/s", mb, mb / seconds)
            : String.format(Locale.ROOT, "%,.0f rows/s", rows / seconds);
    Runtime rt = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%,d rows, %s, heap %d MB, %s",
        rows,
        rate,
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        Duration.ofMillis((long) (seconds * 1000))
            .toString()
            .substring(2)
            .toLowerCase(Locale.ROOT));
  }

  /** The sum of the peak use of the heap's memory pools, in bytes (an upper bound of the peak). */
  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  @Override
  public void close() {
    ticker.interrupt();
    try {
      ticker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (bar != null) {
      bar.stepTo(counters.bytesRead.get());
      bar.setExtraMessage(" " + counters.rows.get() + " rows");
      bar.close();
    }
  }
}
