package dev.sluice.test;

import dev.sluice.Diagnostics;
import java.time.Duration;

/** Checks that runs left nothing behind. */
public final class RunChecks {
  private RunChecks() {}

  /**
   * Returns normally when no thread started by a Sluice run is alive; throws {@link AssertionError}
   * naming the count otherwise. Terminal operations join their threads before returning, so no
   * waiting is needed; {@code grace} covers threads of runs that other code is still closing.
   */
  public static void assertNoLiveThreads(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (Diagnostics.liveThreads() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    int live = Diagnostics.liveThreads();
    if (live != 0) {
      throw new AssertionError(live + " thread(s) started by Sluice runs are still alive");
    }
  }
}
