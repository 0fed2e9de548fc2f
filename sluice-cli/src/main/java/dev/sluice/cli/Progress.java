package dev.sluice.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the reports of the core's {@code onProgress} on stderr: a progress bar when stderr is a
 * terminal (the {@code sluice} script sets {@code -Dsluice.tty=true}), else one line every {@code
 * sluice.progress.seconds} seconds (default 5); rows, MB read and MB/s, an ETA when the input's
 * size is known, heap in use, and at the end the slowest stage. Add it to a pipe with {@code
 * pipe.onProgress(progress, progress.interval())}; {@link #close()} closes a bar the run left open.
 */
final class Progress implements Consumer<dev.sluice.Progress>, AutoCloseable {
  private final String task;
  private final Counters counters;
  private final boolean countedRows;
  private final long totalBytes;
  private final PrintStream err;
  private final boolean quiet;
  private final boolean tty = Boolean.getBoolean("sluice.tty");
  private ProgressBar bar;

  private Progress(
      String task,
      Counters counters,
      boolean countedRows,
      long totalBytes,
      PrintStream err,
      boolean quiet) {
    this.task = task;
    this.counters = counters;
    this.countedRows = countedRows;
    this.totalBytes = totalBytes;
    this.err = err;
    this.quiet = quiet;
  }

  /**
   * The progress of {@code task}, whose rows and bytes read (of {@code totalBytes}, or -1) are in
   * {@code counters} (a run on several threads may count its rows where no single stage sees them).
   */
  static Progress start(String task, Counters counters, long totalBytes, PrintStream err) {
    return new Progress(task, counters, true, totalBytes, err, false);
  }

  /** The progress of {@code task}, whose rows are the elements of the pipe it reports on. */
  static Progress elements(String task, PrintStream err) {
    return new Progress(task, new Counters(), false, -1, err, false);
  }

  /** A progress that shows nothing ({@code --quiet}). */
  static Progress quiet(Counters counters) {
    return new Progress("", counters, true, -1, System.err, true);
  }

  private long rows(dev.sluice.Progress p) {
    return countedRows ? counters.rows.get() : p.count();
  }

  /** {@code pipe} reporting to this progress; unchanged (and unmetered) when quiet. */
  <T> dev.sluice.Pipe<T> on(dev.sluice.Pipe<T> pipe) {
    return quiet ? pipe : pipe.onProgress(this, interval());
  }

  /**
   * Runs {@code work}, which is not one pipe to report on (chunks on several threads, a {@code
   * COPY}), and reports its counters every interval meanwhile, from a thread of its own.
   */
  <T> T around(dev.sluice.CheckedSupplier<T> work) throws Exception {
    if (quiet) {
      return work.get();
    }
    long start = System.nanoTime();
    Thread ticker =
        Thread.ofVirtual()
            .name("sluice-progress")
            .start(
                () -> {
                  try {
                    while (true) {
                      Thread.sleep(interval());
                      accept(snapshot(start, false));
                    }
                  } catch (InterruptedException e) {
                    // the work ended
                  }
                });
    try {
      return work.get();
    } finally {
      ticker.interrupt();
      ticker.join();
      accept(snapshot(start, true));
    }
  }

  private static dev.sluice.Progress snapshot(long start, boolean done) {
    Runtime rt = Runtime.getRuntime();
    return new dev.sluice.Progress(
        0,
        0,
        0,
        Duration.ofNanos(System.nanoTime() - start),
        -1,
        rt.totalMemory() - rt.freeMemory(),
        java.util.List.of(),
        done);
  }

  /** How often the run should report. */
  Duration interval() {
    return tty
        ? Duration.ofMillis(200)
        : Duration.ofMillis(
            (long) (Double.parseDouble(System.getProperty("sluice.progress.seconds", "5")) * 1000));
  }

  @Override
  public synchronized void accept(dev.sluice.Progress p) {
    if (quiet) {
      return;
    }
    if (tty) {
      if (bar == null) {
        bar = bar();
      }
      bar.stepTo(counters.bytesRead.get());
      bar.setExtraMessage(" " + rows(p) + " rows");
      if (p.done()) {
        close();
      }
    } else if (!p.done()) {
      err.println("sluice: " + task + ": " + line(p));
    }
    if (p.done()) {
      p.slowest()
          .ifPresent(
              s ->
                  err.printf(
                      Locale.ROOT,
                      "sluice: %s: %s; slowest stage: %s, %.0f%% of the time working%n",
                      task,
                      line(p),
                      name(s, p),
                      100 * s.workingShare()));
    }
  }

  /** The stage as a user knows it: reading at the source, writing below the report. */
  private static String name(dev.sluice.Progress.StageStats s, dev.sluice.Progress p) {
    if (s.position() == 0) {
      return "reading the input (" + s.stage() + ")";
    }
    boolean last = s == p.stages().get(p.stages().size() - 1);
    return last ? "writing the output" : s.stage();
  }

  private ProgressBar bar() {
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

  /**
   * Rows, MB read and MB/s (or rows/s for a run that reads no bytes, such as a database export), an
   * ETA when the size is known, heap in use and elapsed time, for a log line.
   */
  String line(dev.sluice.Progress p) {
    double seconds = Math.max(1e-9, p.elapsed().toNanos() / 1e9);
    long bytes = counters.bytesRead.get();
    double mb = bytes / 1048576.0;
    String rate =
        mb > 0
            ? String.format(Locale.ROOT, "%.1f MB read, %.1f MB/s", mb, mb / seconds)
            : String.format(Locale.ROOT, "%,.0f rows/s", rows(p) / seconds);
    String eta = "";
    if (totalBytes > 0 && bytes > 0 && !p.done()) {
      eta = ", ETA " + duration(Math.max(0, totalBytes - bytes) / (bytes / seconds));
    } else if (p.eta().isPresent() && !p.done()) {
      eta = ", ETA " + duration(p.eta().get().toMillis() / 1000.0);
    }
    return String.format(
        Locale.ROOT,
        "%,d rows, %s%s, heap %d MB, %s",
        rows(p),
        rate,
        eta,
        p.heapUsed() >> 20,
        duration(seconds));
  }

  private static String duration(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000))
        .toString()
        .substring(2)
        .toLowerCase(Locale.ROOT);
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

  /** Closes the progress bar, if the run left one open (it failed before its final report). */
  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.stepTo(counters.bytesRead.get());
      bar.close();
      bar = null;
    }
  }
}
