package dev.sluice;

import java.util.Objects;

/** Ready-made sinks. */
public final class Sinks {
  private Sinks() {}

  /** A sink that keeps each committed run's elements in memory; for tests. */
  public static <T> MemorySink<T> memory() {
    return new MemorySink<>();
  }

  /** A sink that drops every element and commits nothing. */
  public static <T> Sink<T> discard() {
    return forEach(item -> {});
  }

  /**
   * A sink that hands each element to {@code action}; commit and abort do nothing, so it has no
   * all-or-nothing guarantee.
   */
  public static <T> Sink<T> forEach(CheckedConsumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    return () ->
        new Sink.Writer<T>() {
          @Override
          public void write(T item) throws Exception {
            action.accept(item);
          }

          @Override
          public void commit() {}

          @Override
          public void abort(Throwable cause) {}
        };
  }
}
