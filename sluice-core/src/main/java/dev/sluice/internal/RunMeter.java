package dev.sluice.internal;

import dev.sluice.Clock;
import dev.sluice.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-stage counters of one metered run: for each node of the chain above an {@code
 * onProgress}, how many elements it pushed and how long its pushes took (which is the time spent in
 * everything below it). A node's own working time is the time its upstream spent pushing into it
 * minus the time it spent pushing on; the rest of the run it waited. Across a thread boundary
 * ({@code buffer}, {@code mapConcurrent}) the subtraction mixes two threads and is approximate; a
 * node that only hands off ({@link Source#handsOff()}) gets no working time, since its upstream's
 * pushes into it wait for the other thread.
 *
 * <p>Counts are exact. On the system clock the time of a push is read for one push in about {@value
 * #MEAN_GAP}, at random gaps (so a pattern such as a batch flushing every n-th push is sampled in
 * its share), and a node's time is the sampled time scaled by its count: two clock reads per push
 * cost more than the stages they measure (300 ns against 10 ns for a map). On any other clock (a
 * test's virtual clock) every push is timed, so the report is exact and deterministic.
 */
final class RunMeter {
  private final Set<Source<?>> chain;
  private final Map<Source<?>, Node<?>> nodes = new IdentityHashMap<>();
  private final Clock clock;
  private final long startedAt;
  private final LongAdder failed = new LongAdder();

  /** On the system clock, one push in this many (on average) is timed. */
  static final int MEAN_GAP = 32;

  /** Per thread of the run: whether a push above is being timed, and how deep the pushes are. */
  private static final class Sampler {
    boolean active;
    int depth;
  }

  private final ThreadLocal<Sampler> samplers = ThreadLocal.withInitial(Sampler::new);

  /** A meter for the nodes of {@code chain}, timing on {@code clock} (the pipe's). */
  RunMeter(Set<Source<?>> chain, Clock clock) {
    this.chain = chain;
    this.clock = clock;
    this.startedAt = clock.nanoTime();
  }

  /** Counts one element whose failure the run went on past (errors as values, dead letters). */
  void failed() {
    failed.increment();
  }

  /** The failures counted so far. */
  long failedCount() {
    return failed.sum();
  }

  <T> Downstream<T> meter(Source<?> node, Downstream<T> down) {
    if (!chain.contains(node)) {
      return down;
    }
    Node<T> meter =
        new Node<>(node, down, clock, clock instanceof SystemClock ? MEAN_GAP : 1, samplers.get());
    synchronized (nodes) {
      nodes.put(node, meter);
    }
    return meter;
  }

  /** The stages in chain order, then what lies below {@code onProgress} as {@code below}. */
  List<Progress.StageStats> stats(String below, int belowPosition, long belowCount) {
    List<Node<?>> list;
    synchronized (nodes) {
      list = new ArrayList<>(nodes.values());
    }
    list.sort((a, b) -> Integer.compare(a.node.position(), b.node.position()));
    long elapsed = clock.nanoTime() - startedAt;
    List<Progress.StageStats> stats = new ArrayList<>();
    long into = elapsed;
    for (Node<?> n : list) {
      long inside = n.inside();
      long working = n.node.handsOff() ? 0 : into - inside;
      stats.add(stat(n.node.describe(), n.node.position(), n.count, working, elapsed));
      into = inside;
    }
    stats.add(stat(below, belowPosition, belowCount, into, elapsed));
    return Collections.unmodifiableList(stats);
  }

  private static Progress.StageStats stat(
      String name, int position, long count, long working, long elapsed) {
    long w = Math.max(0, Math.min(working, elapsed));
    return new Progress.StageStats(
        name, position, count, Duration.ofNanos(w), Duration.ofNanos(elapsed - w));
  }

  private static final class Node<T> implements Downstream<T> {
    final Source<?> node;
    private final Downstream<T> down;
    private final Clock clock;
    private final int meanGap;
    long count;
    private long timed;
    private long timedNanos;
    private int untilNext;
    private long random;

    private final Sampler sampler;

    Node(Source<?> node, Downstream<T> down, Clock clock, int meanGap, Sampler sampler) {
      this.node = node;
      this.down = down;
      this.clock = clock;
      this.meanGap = meanGap;
      this.sampler = sampler;
      this.random = System.identityHashCode(this) * 0x9E3779B97F4A7C15L | 1;
      this.untilNext = meanGap == 1 ? 0 : nextGap();
    }

    /** A gap uniform in [0, 2 * meanGap - 2]: one push timed in about {@code meanGap}. */
    private int nextGap() {
      random ^= random << 13;
      random ^= random >>> 7;
      random ^= random << 17;
      return (int) ((random >>> 33) % (2L * meanGap - 1));
    }

    @Override
    public boolean push(T item) throws Exception {
      count++;
      Sampler s = sampler;
      if (s.active) {
        return timed(item); // an outer node is timing this push: time it too
      }
      if (s.depth > 0 || untilNext > 0) {
        if (s.depth == 0) {
          untilNext--;
        }
        s.depth++;
        try {
          return down.push(item);
        } finally {
          s.depth--;
        }
      }
      untilNext = meanGap == 1 ? 0 : nextGap();
      s.active = true;
      try {
        return timed(item);
      } finally {
        s.active = false;
      }
    }

    private boolean timed(T item) throws Exception {
      long t0 = clock.nanoTime();
      try {
        return down.push(item);
      } finally {
        timedNanos += clock.nanoTime() - t0;
        timed++;
      }
    }

    /** The time spent in pushes: measured, or estimated from the timed ones. */
    long inside() {
      long n = timed;
      long nanos = timedNanos;
      long all = count;
      return n == 0 || n >= all ? nanos : (long) (nanos * ((double) all / n));
    }
  }
}
