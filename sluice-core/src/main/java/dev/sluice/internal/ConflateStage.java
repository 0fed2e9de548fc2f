package dev.sluice.internal;

/**
 * {@code conflate()}: passes on the latest element whenever the consumer is ready; elements that
 * arrive while it is busy replace each other, so only the latest waits. Adds a virtual thread for
 * the upstream (see {@link LatestStage}); holds at most one element.
 */
public final class ConflateStage<T> extends LatestStage<T> {
  public ConflateStage(Source<T> upstream) {
    super(upstream, "conflate");
  }

  @Override
  long delay(long now, long arrivedAt, long start) {
    return 0;
  }
}
