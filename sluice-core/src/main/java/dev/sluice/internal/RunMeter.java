package dev.sluice.internal;

import dev.sluice.Clock;
import dev.sluice.Progress;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-stage counters of one metered run: for each node of the chain above an {@code
 * onProgress}, how many elements it pushed (exact) and how long the stage worked; the rest of the
 * run it waited. A node that only hands off ({@link Source#handsOff()}) gets no working time, since
 * its upstream's pushes into it wait for the other thread.
 *
 * <p>Two ways to find the working time, by the pipe's clock:
 *
 * <ul>
 *   <li>On the system clock, <em>sampling</em>: each thread of the run keeps the position of the
 *       stage it is in (a node sets it to the stage it pushes into and restores it after, two plain
 *       stores), and the reporter looks every {@value #TICK_MILLIS} ms at where each live thread is
 *       and credits that stage with the time since its last look. Reading the clock twice per push
 *       and stage cost 300 ns per element on a four-stage pipe whose plain run takes 8 ns, and
 *       timing only some pushes misses rare long ones (a batch's flush); a sampler sees a long push
 *       in proportion to its length. Runs shorter than a tick show little.
 *   <li>On any other clock (a test's virtual clock), <em>timing</em>: every push is timed, and a
 *       node's working time is the time its upstream spent pushing into it minus the time it spent
 *       pushing on. Exact and deterministic; across a thread boundary approximate.
 * </ul>
 */
final class RunMeter {
  /** How often, on the system clock, the reporter looks where the run's threads are. */
  static final int TICK_MILLIS = 1;

  private static final VarHandle AT;

  static {
    try {
      AT = MethodHandles.lookup().findVarHandle(Sampler.class, "at", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Set<Source<?>> chain;
  private final Map<Source<?>, Node<?>> nodes = new IdentityHashMap<>();
  private final Clock clock;
  private final long startedAt;
  private final LongAdder failed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final boolean sampling;

  /** For each position, the position of the metered stage an element pushed from it reaches. */
  private final int[] next;

  private final int below;

  /** Sampling: the time credited to each position (only the reporter writes it). */
  private final long[] worked;

  private final List<Sampler> samplers = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Sampler> samplerOfThread =
      ThreadLocal.withInitial(
          () -> {
            Sampler s = new Sampler(Thread.currentThread());
            samplers.add(s);
            return s;
          });

  /** Where one thread of the run is: the position of the stage it works in. */
  private static final class Sampler {
    final Thread thread;
    int at = Integer.MAX_VALUE;

    Sampler(Thread thread) {
      this.thread = thread;
    }
  }

  /**
   * A meter for the nodes of {@code chain}, above an {@code onProgress} at {@code below}, timing on
   * {@code clock} (the pipe's).
   */
  RunMeter(Set<Source<?>> chain, Clock clock, int below) {
    this.chain = chain;
    this.clock = clock;
    this.startedAt = clock.nanoTime();
    this.sampling = clock instanceof SystemClock;
    this.below = below;
    this.next = new int[below + 1];
    boolean[] metered = new boolean[below + 1];
    for (Source<?> s : chain) {
      metered[s.position()] = true;
    }
    int following = below;
    for (int p = below; p >= 0; p--) {
      next[p] = following;
      if (metered[p]) {
        following = p;
      }
    }
    this.worked = new long[below + 1];
  }

  /** Whether the reporter should call {@link #sample} every {@value #TICK_MILLIS} ms. */
  boolean sampling() {
    return sampling;
  }

  /** Credits {@code nanos} to the stage each live thread of the run is in. Reporter only. */
  void sample(long nanos) {
    for (Sampler s : samplers) {
      int at = (int) AT.getOpaque(s);
      if (at <= below && s.thread.isAlive()) {
        worked[at] += nanos;
      }
    }
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
    Node<T> meter;
    if (sampling) {
      Sampler s = samplerOfThread.get();
      if (node.position() < s.at) { // the highest node on a thread is where it starts
        AT.setOpaque(s, node.position());
      }
      meter = new SampledNode<>(node, down, s, next[node.position()]);
    } else {
      meter = new TimedNode<>(node, down, clock);
    }
    synchronized (nodes) {
      nodes.put(node, meter);
    }
    return meter;
  }

  /** The stages in chain order, then what lies below {@code onProgress} as {@code below}. */
  List<Progress.StageStats> stats(String belowName, int belowPosition, long belowCount) {
    List<Node<?>> list;
    synchronized (nodes) {
      list = new ArrayList<>(nodes.values());
    }
    list.sort((a, b) -> Integer.compare(a.node.position(), b.node.position()));
    long elapsed = clock.nanoTime() - startedAt;
    List<Progress.StageStats> stats = new ArrayList<>();
    long into = elapsed;
    for (Node<?> n : list) {
      int p = n.node.position();
      long working;
      if (sampling) {
        working = worked[p];
      } else {
        long inside = ((TimedNode<?>) n).inside;
        working = into - inside;
        into = inside;
      }
      stats.add(stat(n.node.describe(), p, n.count, n.node.handsOff() ? 0 : working, elapsed));
    }
    long last = sampling ? worked[below] : into;
    stats.add(stat(belowName, belowPosition, belowCount, last, elapsed));
    return Collections.unmodifiableList(stats);
  }

  private static Progress.StageStats stat(
      String name, int position, long count, long working, long elapsed) {
    long w = Math.max(0, Math.min(working, elapsed));
    return new Progress.StageStats(
        name, position, count, Duration.ofNanos(w), Duration.ofNanos(elapsed - w));
  }

  private abstract static class Node<T> implements Downstream<T> {
    final Source<?> node;
    final Downstream<T> down;
    long count;

    Node(Source<?> node, Downstream<T> down) {
      this.node = node;
      this.down = down;
    }
  }

  /** Counts, and says which stage the thread is in while the element is pushed on. */
  private static final class SampledNode<T> extends Node<T> {
    private final Sampler sampler;
    private final int target;

    SampledNode(Source<?> node, Downstream<T> down, Sampler sampler, int target) {
      super(node, down);
      this.sampler = sampler;
      this.target = target;
    }

    @Override
    public boolean push(T item) throws Exception {
      count++;
      Sampler s = sampler;
      int was = s.at; // only this thread writes it
      AT.setOpaque(s, target);
      try {
        return down.push(item);
      } finally {
        AT.setOpaque(s, was);
      }
    }
  }

  /** Counts and times every push. */
  private static final class TimedNode<T> extends Node<T> {
    private final Clock clock;
    long inside;

    TimedNode(Source<?> node, Downstream<T> down, Clock clock) {
      super(node, down);
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
