package dev.sluice;

/**
 * A function that may throw a checked exception; how a run surfaces it is described in {@link
 * PipeException}.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CheckedFunction<T, R> {
  /** Applies this function to {@code t}. */
  R apply(T t) throws Exception;
}
