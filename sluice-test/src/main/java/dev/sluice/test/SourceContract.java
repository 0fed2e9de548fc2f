package dev.sluice.test;

import dev.sluice.CloseableIterator;
import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The contract every source (a connector's reader, a custom generator) keeps, as checks a test runs
 * on its own source: empty input, failure after partial output, early stop closes the resource
 * exactly once, interrupt cancels and closes, an iterator closed early leaves no thread. Each check
 * takes a supplier of the pipe under test (called once per run it makes) and the {@link
 * CloseCounter} that the pipe's resources are {@linkplain CloseCounter#track tracked} by; it
 * returns normally or throws {@link AssertionError} saying what broke.
 *
 * <p>Static checks rather than an abstract JUnit base class: the kit then needs no test framework
 * (it runs under JUnit, TestNG or a main method), and a connector calls the checks that apply to it
 * with its own inputs, parameterized its own way.
 *
 * <pre>{@code
 * CloseCounter files = new CloseCounter();
 * Supplier<Pipe<String>> lines =
 *     () -> Lines.read(Input.stream("f", () -> files.track(Files.newInputStream(path))), settings);
 * SourceContract.checkEarlyStopClosesOnce(lines, files);
 * SourceContract.checkInterruptCancelsAndCloses(lines, files);
 * }</pre>
 */
public final class SourceContract {
  private static final long WAIT_SECONDS = 60;

  private SourceContract() {}

  /** An empty input gives no element and closes what it opened, once. */
  public static void checkEmpty(Supplier<? extends Pipe<?>> empty, CloseCounter counter) {
    Delta delta = new Delta(counter);
    List<?> got = empty.get().toList();
    check(got.isEmpty(), "an empty input gave " + got.size() + " element(s)");
    delta.checkClosedOnce("after an empty input", false);
  }

  /** A full read closes what it opened, once, and leaves no thread; returns the element count. */
  public static long checkFullReadClosesOnce(Supplier<? extends Pipe<?>> source, CloseCounter c) {
    Delta delta = new Delta(c);
    long n = source.get().count();
    delta.checkClosedOnce("after a full read");
    checkNoLiveThreads("after a full read");
    return n;
  }

  /**
   * A source whose input fails after {@code before} elements delivers exactly those elements, then
   * fails with {@code failure} (the exception thrown or one of its causes), and closes once.
   */
  public static void checkFailureAfterPartialOutput(
      Supplier<? extends Pipe<?>> failing,
      CloseCounter counter,
      int before,
      Class<? extends Throwable> failure) {
    Delta delta = new Delta(counter);
    List<Object> seen = new ArrayList<>();
    Throwable thrown = null;
    try {
      failing.get().forEach(seen::add);
    } catch (Throwable t) {
      thrown = t;
    }
    check(thrown != null, "the run did not fail; it gave " + seen.size() + " element(s)");
    check(causedBy(thrown, failure), "the run failed with " + thrown + ", not " + failure);
    check(
        seen.size() == before,
        "the failure came after " + seen.size() + " element(s), not after " + before);
    delta.checkClosedOnce("after a failure");
    checkNoLiveThreads("after a failure");
  }

  /** Stopping after one element (take(1), first()) closes the resource exactly once. */
  public static void checkEarlyStopClosesOnce(Supplier<? extends Pipe<?>> source, CloseCounter c) {
    Delta delta = new Delta(c);
    check(source.get().take(1).toList().size() == 1, "take(1) did not give one element");
    delta.checkClosedOnce("after take(1)");
    Delta first = new Delta(c);
    check(source.get().first().isPresent(), "first() found nothing");
    first.checkClosedOnce("after first()");
    checkNoLiveThreads("after an early stop");
  }

  /**
   * Interrupting the thread that runs the source, while its first element is being consumed, ends
   * the run with {@link PipeCancelledException} (interrupt status kept) and closes the resource.
   */
  public static void checkInterruptCancelsAndCloses(
      Supplier<? extends Pipe<?>> source, CloseCounter counter) throws InterruptedException {
    Delta delta = new Delta(counter);
    CountDownLatch consuming = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    boolean[] interruptKept = {false};
    Pipe<?> pipe = source.get();
    Thread runner =
        Thread.ofPlatform()
            .name("source-contract-runner")
            .start(
                () -> {
                  try {
                    pipe.forEach(
                        item -> {
                          consuming.countDown();
                          new CountDownLatch(1).await(); // until interrupted
                        });
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                  interruptKept[0] = Thread.currentThread().isInterrupted();
                });
    check(
        consuming.await(WAIT_SECONDS, TimeUnit.SECONDS),
        "the source gave no element within " + WAIT_SECONDS + " s");
    runner.interrupt();
    runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    check(!runner.isAlive(), "the run did not end within " + WAIT_SECONDS + " s of the interrupt");
    check(
        thrown.get() instanceof PipeCancelledException,
        "an interrupted run threw " + thrown.get() + ", not PipeCancelledException");
    check(interruptKept[0], "the interrupt status was not kept");
    delta.checkClosedOnce("after an interrupt");
    checkNoLiveThreads("after an interrupt");
  }

  /** An iterator closed after one element leaves no thread and closes the resource once. */
  public static void checkIteratorClosedEarly(Supplier<? extends Pipe<?>> source, CloseCounter c) {
    Delta delta = new Delta(c);
    try (CloseableIterator<?> it = source.get().iterator(2)) {
      check(it.hasNext(), "the iterator had no element");
      it.next();
    }
    checkNoLiveThreads("after closing an iterator early");
    delta.checkClosedOnce("after closing an iterator early");
  }

  /**
   * Every check that needs only a source of at least two elements: full read, early stop,
   * interrupt, iterator closed early.
   */
  public static void checkAll(Supplier<? extends Pipe<?>> source, CloseCounter counter)
      throws InterruptedException {
    check(checkFullReadClosesOnce(source, counter) >= 2, "the source needs >= 2 elements");
    checkEarlyStopClosesOnce(source, counter);
    checkInterruptCancelsAndCloses(source, counter);
    checkIteratorClosedEarly(source, counter);
  }

  static void checkNoLiveThreads(String when) {
    int live = Diagnostics.liveThreads();
    check(live == 0, live + " thread(s) of Sluice runs still alive " + when);
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    for (int depth = 0; thrown != null && depth < 16; depth++, thrown = thrown.getCause()) {
      if (type.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }

  /** What a counter did from the start of a check. */
  private static final class Delta {
    private final CloseCounter counter;
    private final int opens;
    private final int closes;
    private final int extra;

    Delta(CloseCounter counter) {
      this.counter = counter;
      this.opens = counter.opens();
      this.closes = counter.closes();
      this.extra = counter.extraCloses();
    }

    void checkClosedOnce(String when) {
      checkClosedOnce(when, true);
    }

    void checkClosedOnce(String when, boolean mustOpen) {
      int opened = counter.opens() - opens;
      int closed = counter.closes() - closes;
      int again = counter.extraCloses() - extra;
      check(
          opened > 0 || !mustOpen,
          "nothing was opened through the CloseCounter " + when + ": is it wired?");
      check(closed == opened, opened + " resource(s) opened but " + closed + " closed " + when);
      check(again == 0, again + " resource(s) closed more than once " + when);
    }
  }
}
