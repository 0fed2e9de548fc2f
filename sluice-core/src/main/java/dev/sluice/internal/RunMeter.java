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
 * ({@code buffer}, {@code mapConcurrent}) the subtraction mixes two threads and is approximate.
 * Times are read on the pipe's {@link Clock}, so a virtual clock makes the report deterministic.
 */
final class RunMeter {
  private final Set<Source<?>> chain;
  private final Map<Source<?>, Node<?>> nodes = new IdentityHashMap<>();
  private final Clock clock;
  private final long startedAt;
  private final LongAdder failed = new LongAdder();
  private final LongAdder dropped = new LongAdder();

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

  /** Counts {@code n} elements a push feed dropped by its overflow policy. */
  void dropped(long n) {
    dropped.add(n);
  }

  /** The drops counted so far. */
  long droppedCount() {
    return dropped.sum();
  }

  <T> Downstream<T> meter(Source<?> node, Downstream<T> down) {
    if (!chain.contains(node)) {
      return down;
    }
    Node<T> meter = new Node<>(node, down, clock);
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
      long inside = n.inside;
      stats.add(stat(n.node.describe(), n.node.position(), n.count, into - inside, elapsed));
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
    long count;
    long inside;

    Node(Source<?> node, Downstream<T> down, Clock clock) {
      this.node = node;
      this.down = down;
      this.clock = clock;
    }

    @Override
    public boolean push(T item) throws Exception {
      count++;
      long t0 = clock.nanoTime();
      try {
        return down.push(item);
      } finally {
        inside += clock.nanoTime() - t0;
      }
    }
  }
}
