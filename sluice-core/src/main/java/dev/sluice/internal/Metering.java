package dev.sluice.internal;

/**
 * The opt-in per-stage metering of {@code onProgress}. Each node of a chain calls {@link #wrap}
 * once per run on the downstream it pushes into; with no {@code onProgress} below it in the run
 * (the usual case) that is one thread-local read per node per run and the downstream comes back
 * unchanged, so the per-element path is untouched.
 */
public final class Metering {
  private static final ThreadLocal<RunMeter> CURRENT = new ThreadLocal<>();

  private Metering() {}

  /** {@code down}, or a metered relay when an {@code onProgress} below meters {@code node}. */
  public static <T> Downstream<T> wrap(Source<?> node, Downstream<T> down) {
    RunMeter meter = CURRENT.get();
    return meter == null ? down : meter.meter(node, down);
  }

  /** The meter of the run on this thread, or null. */
  static RunMeter current() {
    return CURRENT.get();
  }

  /** Sets (or with null, clears) the meter of the run on this thread. */
  static void set(RunMeter meter) {
    if (meter == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(meter);
    }
  }
}
