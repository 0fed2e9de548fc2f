package dev.sluice.internal;

/**
 * {@code sample(period)}: at each tick, every {@code period} on the pipe's clock from the start of
 * the run, passes on the latest element that arrived since the last tick, if any; and the held
 * element when the input ends. Adds a virtual thread for the upstream (see {@link LatestStage});
 * holds at most one element.
 */
public final class SampleStage<T> extends LatestStage<T> {
  private final long periodNanos;

  public SampleStage(Source<T> upstream, long periodNanos) {
    super(upstream, "sample");
    this.periodNanos = periodNanos;
  }

  @Override
  long delay(long now, long arrivedAt, long start) {
    long nextTick = start + ((arrivedAt - start) / periodNanos + 1) * periodNanos;
    return nextTick - now;
  }
}
