package dev.sluice;

import dev.sluice.internal.Threads;

/** Process-wide counters for checking that runs leave nothing behind. Thread-safe. */
public final class Diagnostics {
  private Diagnostics() {}

  /**
   * The number of threads started by Sluice runs that have not ended yet. Every terminal operation
   * (and every {@link CloseableIterator#close()}) returns only after the threads of its run ended,
   * so with no run in progress this is zero.
   */
  public static int liveThreads() {
    return Threads.live();
  }
}
