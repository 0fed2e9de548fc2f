package dev.sluice.internal;

/**
 * {@code debounce(quiet)}: passes on an element only once {@code quiet} has passed on the pipe's
 * clock without a newer one (a newer one replaces it and starts the wait again), and the last
 * element when the input ends. Adds a virtual thread for the upstream (see {@link LatestStage});
 * holds at most one element.
 */
public final class DebounceStage<T> extends LatestStage<T> {
  private final long quietNanos;

  public DebounceStage(Source<T> upstream, long quietNanos) {
    super(upstream, "debounce");
    this.quietNanos = quietNanos;
  }

  @Override
  long delay(long now, long arrivedAt, long start) {
    return arrivedAt + quietNanos - now;
  }
}
