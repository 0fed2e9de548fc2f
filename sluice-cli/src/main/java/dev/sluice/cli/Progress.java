package dev.sluice.cli;

import dev.sluice.CheckedSupplier;
import dev.sluice.Pipe;
import dev.sluice.ProgressLog;
import dev.sluice.io.Conversion;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress on stderr: a progress bar when stderr is a terminal (the {@code sluice}
 * script sets {@code -Dsluice.tty=true}), else the core's {@link ProgressLog} lines every {@code
 * sluice.progress.seconds} seconds (default 5), prefixed {@code sluice: }; nothing with {@code
 * --quiet}. {@link #close()} closes a bar the run left open.
 */
final class Progress implements Consumer<dev.sluice.Progress>, Conversion.Metering, AutoCloseable {
  private final ProgressLog log;
  private final boolean quiet;
  private final boolean tty = Boolean.getBoolean("sluice.tty");
  private final long totalBytes;
  private ProgressBar bar;

  private Progress(ProgressLog log, long totalBytes, boolean quiet) {
    this.log = log;
    this.totalBytes = totalBytes;
    this.quiet = quiet;
  }

  /**
   * The progress of {@code task}, whose rows and bytes read (of {@code totalBytes}, or -1) are in
   * {@code counters}.
   */
  static Progress start(String task, Counters counters, long totalBytes, PrintStream err) {
    ProgressLog log =
        ProgressLog.to(err, "sluice: " + task)
            .counting(counters.rows::get, counters.bytesRead::get, totalBytes);
    return new Progress(log, totalBytes, false);
  }

  /** The progress of {@code task}, whose rows are the elements of the pipe it reports on. */
  static Progress elements(String task, PrintStream err) {
    return new Progress(ProgressLog.to(err, "sluice: " + task), -1, false);
  }

  /** A progress that shows nothing ({@code --quiet}), or {@link #start} of {@code task}. */
  static Progress of(boolean quiet, String task, Counters counters, long totalBytes) {
    return quiet
        ? new Progress(ProgressLog.to(System.err, task), -1, true)
        : start(task, counters, totalBytes, System.err);
  }

  /** {@code pipe} reporting to this progress; unchanged (and unmetered) when quiet. */
  @Override
  public <T> Pipe<T> on(Pipe<T> pipe) {
    return quiet ? pipe : pipe.onProgress(this, interval());
  }

  /** Runs {@code work}, which is not one pipe (chunks on several threads, a {@code COPY}). */
  @Override
  public <T> T around(CheckedSupplier<T> work) throws Exception {
    return quiet ? work.get() : ProgressLog.around(this, interval(), work);
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
    if (!tty) {
      log.accept(p);
      return;
    }
    if (bar == null) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(log.task().substring("sluice: ".length()))
              .setInitialMax(totalBytes > 0 ? totalBytes : -1)
              .setUnit(" MB", 1 << 20)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(200)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .showSpeed()
              .build();
    }
    bar.stepTo(log.bytesRead());
    bar.setExtraMessage(" " + log.rows(p) + " rows");
    if (p.done()) {
      close();
      log.accept(p);
    }
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
      bar.stepTo(log.bytesRead());
      bar.close();
      bar = null;
    }
  }
}
