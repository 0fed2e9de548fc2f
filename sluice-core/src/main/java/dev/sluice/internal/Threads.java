package dev.sluice.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** Starts the virtual threads of runs and counts the live ones. */
public final class Threads {
  private static final AtomicInteger LIVE = new AtomicInteger();

  private Threads() {}

  /** Starts a virtual thread named {@code sluice-<name>} that runs {@code task}. */
  public static Thread start(String name, Runnable task) {
    LIVE.incrementAndGet();
    RunMeter meter = Metering.current();
    CancelScope scope = CancelScope.current();
    try {
      return Thread.ofVirtual()
          .name("sluice-" + name)
          .start(
              () -> {
                try {
                  Metering.set(meter);
                  CancelScope.set(scope);
                  task.run();
                } finally {
                  LIVE.decrementAndGet();
                }
              });
    } catch (RuntimeException | Error e) {
      LIVE.decrementAndGet();
      throw e;
    }
  }

  /** Threads started here that have not ended. */
  public static int live() {
    return LIVE.get();
  }

  /**
   * Waits for {@code thread} to end, even if the current thread is interrupted meanwhile; the
   * interrupt status is restored afterwards.
   */
  public static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
