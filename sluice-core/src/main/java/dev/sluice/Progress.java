package dev.sluice;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a run, handed to the listener of {@link Pipe#onProgress}: elements so far, time,
 * rate, ETA when the total is known, heap in use, and per stage the elements it pushed and the time
 * it spent working versus waiting, so a run can name its bottleneck ({@link #slowest()}).
 *
 * @param count the elements that passed {@code onProgress} so far
 * @param failed the elements above {@code onProgress} whose failure the run went on past: turned
 *     into values by {@link Pipe#mapAttempt} or sent to a dead-letter sink by {@link
 *     Pipe#mapOrDeadLetter}
 * @param dropped the elements a push feed above {@code onProgress} dropped by its {@link Overflow}
 *     policy ({@link Pipe#push})
 * @param elapsed the time since the run started, on the pipe's {@link Clock}
 * @param total the elements the run will produce, or -1 if unknown ({@link Pipe#knownSize()})
 * @param heapUsed bytes of heap in use
 * @param stages the stages above {@code onProgress} in chain order, then what lies below it
 * @param done whether this is the final report of the run
 */
public record Progress(
    long count,
    long failed,
    long dropped,
    Duration elapsed,
    long total,
    long heapUsed,
    List<StageStats> stages,
    boolean done) {

  /** Elements per second so far (0 before any time passed). */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? count / seconds : 0;
  }

  /** The time left at the current rate, when the total is known and there is a rate. */
  public Optional<Duration> eta() {
    double rate = rate();
    if (total < 0 || rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) (Math.max(0, total - count) / rate * 1e9)));
  }

  /** The stage that spent the most time working, if any stage worked. */
  public Optional<StageStats> slowest() {
    return stages.stream()
        .filter(s -> s.working().toNanos() > 0)
        .max(Comparator.comparing(StageStats::working));
  }

  /** A one-line summary naming the slowest stage, for logs. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(count).append(total >= 0 ? "/" + total : "").append(" elements in ");
    sb.append(String.format("%.1f s (%.0f/s)", elapsed.toNanos() / 1e9, rate()));
    if (failed > 0) {
      sb.append(", ").append(failed).append(" failed");
    }
    if (dropped > 0) {
      sb.append(", ").append(dropped).append(" dropped");
    }
    eta().ifPresent(eta -> sb.append(", ETA ").append(eta.toSeconds()).append(" s"));
    sb.append(", heap ").append(heapUsed >> 20).append(" MiB");
    slowest()
        .ifPresent(
            s ->
                sb.append("; slowest: ")
                    .append(s.stage())
                    .append(String.format(" (%.0f%% working)", 100 * s.workingShare())));
    return sb.toString();
  }

  /**
   * One stage's share of a run.
   *
   * @param stage the stage, like {@code "map (stage 3)"}
   * @param position its index in the chain (0 = source)
   * @param count the elements it pushed on
   * @param working the time spent in the stage itself
   * @param waiting the rest of the run: waiting for its upstream or its downstream
   */
  public record StageStats(
      String stage, int position, long count, Duration working, Duration waiting) {
    /** The fraction of the run this stage spent working. */
    public double workingShare() {
      long all = working.toNanos() + waiting.toNanos();
      return all == 0 ? 0 : (double) working.toNanos() / all;
    }
  }
}
