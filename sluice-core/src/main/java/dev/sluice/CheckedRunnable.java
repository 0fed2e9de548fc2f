package dev.sluice;

/** An action that may throw a checked exception, used by lifecycle hooks. */
@FunctionalInterface
public interface CheckedRunnable {
  /** Runs the action. */
  void run() throws Exception;
}
