package dev.sluice;

/**
 * What a push feed ({@link Pipe#push}) does with an element that finds its bounded queue full: the
 * consumer fell behind the callback API that produces the elements.
 */
public enum Overflow {
  /**
   * The producer waits for room: backpressure, for a producer on a thread that may wait (never the
   * run's own thread, which would wait for itself: that fails with {@link IllegalStateException}).
   */
  BLOCK,
  /** The oldest queued element is dropped to make room; counted in {@link Progress#dropped()}. */
  DROP_OLDEST,
  /** The new element is dropped; counted in {@link Progress#dropped()}. */
  DROP_NEWEST,
  /** The run fails with a {@link PipeException} naming the capacity. */
  FAIL
}
