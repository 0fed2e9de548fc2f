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

  /**
   * {@code stage} applied to the items of positioned elements: each element the stage emits for an
   * input carries that input's position (and what it emits at the end, the last input's). Filters,
   * masks and other row rules keep a source resumable this way.
   */
  public static <T, R> Stage<Positioned<T>, Positioned<R>> lift(Stage<T, R> stage) {
    Objects.requireNonNull(stage, "stage");
    return () -> {
      Stage.Integrator<T, R> inner = stage.start();
      return new Stage.Integrator<>() {
        private String position;
        private Emitter<Positioned<R>> down;
        private final Emitter<R> up = item -> down.emit(new Positioned<>(item, position));

        @Override
        public boolean push(Positioned<T> element, Emitter<Positioned<R>> out) throws Exception {
          position = element.position();
          down = out;
          return inner.push(element.item(), up);
        }

        @Override
        public void finish(Emitter<Positioned<R>> out) throws Exception {
          if (position != null) {
            down = out;
            inner.finish(up);
          }
        }
      };
    };
  }
}
