package dev.sluice.test;

import static dev.sluice.test.SourceContract.check;
import static dev.sluice.test.SourceContract.checkNoLiveThreads;

import dev.sluice.CloseableIterator;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.PipeException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The contract every operator keeps (the core's own and any custom {@link dev.sluice.Stage} used
 * through {@code via}), as checks run against a {@link ScriptedSource}: empty input, failure after
 * partial output, early stop, no element n+1 after {@code take(n)}, interrupt, an iterator closed
 * early. The operator under test must pass every element through unchanged and in order (wrap a
 * transforming one so that it does, e.g. by mapping back). Each check returns normally or throws
 * {@link AssertionError}; static checks, like {@link SourceContract}, so no test framework is
 * needed.
 *
 * <pre>{@code
 * Function<Pipe<Integer>, Pipe<?>> mine = p -> p.via(new MyStage<>());
 * OperatorContract.checkSynchronous(mine);   // or checkAsync for one that adds threads
 * }</pre>
 */
public final class OperatorContract {
  private OperatorContract() {}

  /** Every check, for an operator that adds no thread (so its upstream never runs ahead). */
  public static void checkSynchronous(Function<Pipe<Integer>, ? extends Pipe<?>> op)
      throws InterruptedException {
    checkAsync(op);
    checkEarlyStopPullsNoMore(op);
  }

  /** Every check that holds for an operator whose upstream may run ahead on another thread. */
  public static void checkAsync(Function<Pipe<Integer>, ? extends Pipe<?>> op)
      throws InterruptedException {
    checkEmptyInput(op);
    checkFailureAfterPartialOutput(op);
    checkEarlyStopEndsThreadsAndClosesOnce(op);
    checkInterruptCancelsAndCloses(op);
    checkIteratorClosedEarly(op);
  }

  /** Empty input gives nothing; the source is opened and closed once. */
  public static void checkEmptyInput(Function<Pipe<Integer>, ? extends Pipe<?>> op) {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(0);
    List<?> got = op.apply(source.pipe()).toList();
    check(got.isEmpty(), "empty input gave " + got);
    check(source.opens() == 1 && source.closes() == 1, closes(source, "after empty input"));
  }

  /**
   * A failure after three elements reaches the caller after those three, once, as the same
   * exception (wrapped once in {@link PipeException} when checked); the source closes once.
   */
  public static void checkFailureAfterPartialOutput(Function<Pipe<Integer>, ? extends Pipe<?>> op) {
    IOException boom = new IOException("boom");
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder().emit(1, 2, 3).fail(() -> boom).emit(4).build();
    List<Object> seen = new ArrayList<>();
    Throwable thrown = null;
    try {
      op.apply(source.pipe()).forEach(seen::add);
    } catch (Throwable t) {
      thrown = t;
    }
    check(
        thrown instanceof PipeException && thrown.getCause() == boom,
        "the failure surfaced as " + thrown + ", not PipeException caused by it");
    check(seen.equals(List.of(1, 2, 3)), "before the failure the caller saw " + seen);
    check(source.pulled() == 3, "the source was pulled " + source.pulled() + " times, not 3");
    check(source.closes() == 1, closes(source, "after a failure"));
    checkNoLiveThreads("after a failure");
  }

  /** take(2) gives the first two, runs the generator's finally once, closes once, ends threads. */
  public static void checkEarlyStopEndsThreadsAndClosesOnce(
      Function<Pipe<Integer>, ? extends Pipe<?>> op) {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(10_000);
    List<?> got = op.apply(source.pipe()).take(2).toList();
    check(got.equals(List.of(0, 1)), "take(2) gave " + got);
    check(source.finallies() == 1, "the generator's finally ran " + source.finallies() + " times");
    check(source.closes() == 1, closes(source, "after an early stop"));
    checkNoLiveThreads("after an early stop");
  }

  /** For synchronous operators: take(n) pulls exactly n from the source, for n = 1, 10, 33. */
  public static void checkEarlyStopPullsNoMore(Function<Pipe<Integer>, ? extends Pipe<?>> op) {
    for (int n : new int[] {1, 10, 33}) {
      ScriptedSource<Integer> source = ScriptedSource.ofRange(99);
      long got = op.apply(source.pipe()).take(n).count();
      check(got == n, "take(" + n + ") gave " + got);
      check(source.pulled() == n, "take(" + n + ") pulled " + source.pulled() + " elements");
      check(
          source.finallies() == 1, "the generator's finally ran " + source.finallies() + " times");
    }
  }

  /**
   * Interrupting the caller while the source waits ends the run with {@link PipeCancelledException}
   * and closes the source.
   */
  public static void checkInterruptCancelsAndCloses(Function<Pipe<Integer>, ? extends Pipe<?>> op)
      throws InterruptedException {
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder().emit(1).delay(Duration.ofMinutes(1)).emit(2).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Pipe<?> pipe = op.apply(source.pipe());
    Thread runner =
        Thread.ofPlatform()
            .name("operator-contract-runner")
            .start(
                () -> {
                  try {
                    pipe.count();
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                });
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (source.pulled() < 1 && System.nanoTime() - deadline < 0) {
      Thread.sleep(1);
    }
    check(source.pulled() >= 1, "the source was never pulled");
    runner.interrupt();
    runner.join(Duration.ofMinutes(1).toMillis());
    check(!runner.isAlive(), "the run did not end after the interrupt");
    check(
        thrown.get() instanceof PipeCancelledException,
        "an interrupted run threw " + thrown.get() + ", not PipeCancelledException");
    check(source.closes() == 1, closes(source, "after an interrupt"));
    checkNoLiveThreads("after an interrupt");
  }

  /** An iterator closed after its first element leaves no thread; the source closes once. */
  public static void checkIteratorClosedEarly(Function<Pipe<Integer>, ? extends Pipe<?>> op) {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(10_000);
    try (CloseableIterator<?> it = op.apply(source.pipe()).iterator(16)) {
      Object first = it.next();
      check(Integer.valueOf(0).equals(first), "the iterator's first element was " + first);
    }
    checkNoLiveThreads("after closing an iterator early");
    check(source.finallies() == 1, "the generator's finally ran " + source.finallies() + " times");
    check(source.closes() == 1, closes(source, "after closing an iterator early"));
  }

  private static String closes(ScriptedSource<?> source, String when) {
    return "the source was opened "
        + source.opens()
        + " and closed "
        + source.closes()
        + " times "
        + when;
  }
}
