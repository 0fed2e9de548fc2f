package dev.sluice;

import java.util.Optional;

/**
 * A source that reports its position with each element and can start a run right after a position
 * it reported: a keyset cursor, a file's line or byte offset, a Kafka offset, an HTTP page cursor.
 * Positions are opaque printable strings, so any sink can store them (a table row, a file beside a
 * temporary file). {@link Checkpoints#resume} wires one to a {@link Checkpoint}.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Resumable<T> {
  /**
   * A pipe of the elements after {@code position}, or of all elements when it is empty; each with
   * the position after it. The position must come from this source (or an equal one); anything else
   * fails the run with an error that quotes it.
   */
  Pipe<Positioned<T>> after(Optional<String> position);
}
