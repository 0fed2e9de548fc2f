package dev.sluice;

import dev.sluice.internal.Checks;
import dev.sluice.internal.Threads;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A run's progress as log lines, for {@link Pipe#onProgress}: {@code <task>: 1,200,000 rows, 96.0
 * MB read, 48.0 MB/s, ETA 4s, heap 21 MB, 2s} while it runs, and at the end the same line with the
 * stage that worked most, named as a user knows it ({@code reading the input (csv users.csv (stage
 * 0))}, {@code writing the output}, or the stage's name).
 *
 * <p>By default the rows are the elements that passed {@code onProgress} and no bytes are shown;
 * {@link #counting} takes them from counters instead, for a run whose rows no single stage sees
 * (chunks parsed on several threads) and to show bytes read, MB/s and an ETA against the input's
 * size. {@link #around} reports work that is not one pipe (a database {@code COPY}) from a thread
 * of its own. Lines go to the stream given, each printed whole.
 */
public final class ProgressLog implements Consumer<Progress> {
  private final PrintStream out;
  private final String task;
  private final LongSupplier rows;
  private final LongSupplier bytes;
  private final long totalBytes;

  private ProgressLog(
      PrintStream out, String task, LongSupplier rows, LongSupplier bytes, long totalBytes) {
    this.out = out;
    this.task = task;
    this.rows = rows;
    this.bytes = bytes;
    this.totalBytes = totalBytes;
  }

  /**
   * The progress of {@code task} (a short name, such as {@code convert}), printed to {@code out}.
   */
  public static ProgressLog to(PrintStream out, String task) {
    Objects.requireNonNull(out, "out");
    return new ProgressLog(out, Checks.name(task), null, () -> 0, -1);
  }

  /**
   * This log with its rows read from {@code rows} and its bytes from {@code bytes}, of {@code
   * totalBytes} in all (-1 if unknown; an ETA is shown when it is known).
   */
  public ProgressLog counting(LongSupplier rows, LongSupplier bytes, long totalBytes) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(bytes, "bytes");
    return new ProgressLog(out, task, rows, bytes, totalBytes);
  }

  /** The task's name. */
  public String task() {
    return task;
  }

  /** The rows of {@code p}: its count, or the counter of {@link #counting}. */
  public long rows(Progress p) {
    return rows == null ? p.count() : rows.getAsLong();
  }

  /** The bytes read so far (0 unless {@link #counting} gave a counter). */
  public long bytesRead() {
    return bytes.getAsLong();
  }

  /** Prints a line for {@code p}; on the final report, the line with the slowest stage. */
  @Override
  public void accept(Progress p) {
    if (!p.done()) {
      out.println(task + ": " + line(p));
      return;
    }
    p.slowest()
        .ifPresent(
            s ->
                out.printf(
                    Locale.ROOT,
                    "%s: %s; slowest stage: %s, %.0f%% of the time working%n",
                    task,
                    line(p),
                    name(s, p),
                    100 * s.workingShare()));
  }

  /**
   * Rows, MB read and MB/s (or rows/s when no bytes are counted), an ETA when the size or the total
   * is known, heap in use and elapsed time.
   */
  public String line(Progress p) {
    double seconds = Math.max(1e-9, p.elapsed().toNanos() / 1e9);
    long read = bytes.getAsLong();
    double mb = read / 1048576.0;
    String rate =
        mb > 0
            ? String.format(Locale.ROOT, "%.1f MB read, %.1f MB/s", mb, mb / seconds)
            : String.format(Locale.ROOT, "%,.0f rows/s", rows(p) / seconds);
    String eta = "";
    if (totalBytes > 0 && read > 0 && !p.done()) {
      eta = ", ETA " + duration(Math.max(0, totalBytes - read) / (read / seconds));
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

  /**
   * Runs {@code work}, which is not one pipe to report on, and hands {@code listener} a report
   * every {@code interval} meanwhile (from a thread of its own), then a final one; the reports
   * carry time and heap only, so give the listener counters ({@link #counting}).
   */
  public static <T> T around(
      Consumer<? super Progress> listener, Duration interval, CheckedSupplier<T> work)
      throws Exception {
    Objects.requireNonNull(listener, "listener");
    long millis = Checks.positive(interval, "interval").toMillis();
    long start = System.nanoTime();
    Thread ticker =
        Threads.start(
            "progress",
            () -> {
              try {
                while (true) {
                  Thread.sleep(Math.max(1, millis));
                  listener.accept(snapshot(start, false));
                }
              } catch (InterruptedException e) {
                // the work ended
              }
            });
    try {
      return work.get();
    } finally {
      ticker.interrupt();
      Threads.joinUninterruptibly(ticker);
      listener.accept(snapshot(start, true));
    }
  }

  private static Progress snapshot(long start, boolean done) {
    Runtime rt = Runtime.getRuntime();
    return new Progress(
        0,
        0,
        0,
        Duration.ofNanos(System.nanoTime() - start),
        -1,
        rt.totalMemory() - rt.freeMemory(),
        List.of(),
        done);
  }

  /** The stage as a user knows it: reading at the source, writing below the report. */
  private static String name(Progress.StageStats s, Progress p) {
    if (s.position() == 0) {
      return "reading the input (" + s.stage() + ")";
    }
    boolean last = s == p.stages().get(p.stages().size() - 1);
    return last ? "writing the output" : s.stage();
  }

  private static String duration(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000))
        .toString()
        .substring(2)
        .toLowerCase(Locale.ROOT);
  }
}
