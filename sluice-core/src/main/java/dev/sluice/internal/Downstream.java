package dev.sluice.internal;

/**
 * The push side of the execution protocol: a source calls {@link #push} once per element on the
 * thread that runs the pipe.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Downstream<T> {
  /**
   * Takes one element; returns whether more are wanted. After {@code false} the caller must push
   * nothing more and return. Failures propagate as thrown exceptions, unchanged.
   */
  boolean push(T item) throws Exception;
}
