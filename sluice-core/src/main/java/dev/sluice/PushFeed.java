package dev.sluice;

/**
 * The producer side of a push feed ({@link Pipe#push}): a callback API hands its elements to the
 * run through this, from any thread. Thread-safe.
 *
 * @param <T> the elements
 */
public interface PushFeed<T> {
  /**
   * Hands on {@code element}, by the feed's {@link Overflow} policy when its queue is full ({@code
   * BLOCK} waits for room, interruptibly). Returns false when the run no longer takes elements (it
   * ended, failed or was cancelled, or an interrupt ended a wait): the producer should stop; the
   * element was not taken. A dropped element still returns true.
   */
  boolean offer(T element);

  /** Ends the run once the queued elements were taken. Later offers return false. */
  void complete();

  /** Fails the run with {@code failure} at once (queued elements are not taken). */
  void fail(Throwable failure);
}
