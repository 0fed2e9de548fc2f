package dev.sluice;

import java.util.Objects;

/**
 * An element of a {@link Resumable} source with the source's position right after it: a run that
 * starts {@link Resumable#after after} that position continues with the next element. A sink that
 * commits stores the position of the last element of what it commits, in the same atomic step.
 *
 * <pre>{@code
 * resumable.after(position).map(p -> p.map(Row::anonymize)).into(checkpointedSink);
 * }</pre>
 *
 * @param item the element
 * @param position the opaque, printable position after {@code item}
 * @param <T> the element type
 */
public record Positioned<T>(T item, String position) {
  /** Checks that {@code position} is present. */
  public Positioned {
    Objects.requireNonNull(position, "position");
  }

  /** The same position with the item through {@code mapper}. */
  public <R> Positioned<R> map(CheckedFunction<? super T, ? extends R> mapper) throws Exception {
    return new Positioned<>(mapper.apply(item), position);
  }
}
