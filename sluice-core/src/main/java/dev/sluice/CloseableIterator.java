package dev.sluice;

import java.util.Iterator;

/**
 * An iterator over a running pipe, returned by {@link Pipe#iterator()}. It must be closed (use
 * try-with-resources) unless it was read to the end; closing it early stops the producer and
 * returns only after the producer's cleanup has run. One that is dropped unclosed is cancelled, and
 * its resources closed, after it became unreachable (through a {@link java.lang.ref.Cleaner}, so
 * when the garbage collector gets to it). Not thread-safe: read it from one thread.
 *
 * @param <T> the element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  /** Stops the run if it is still going and waits until its thread has ended; idempotent. */
  @Override
  void close();
}
