package dev.sluice;

/**
 * A two-argument function that may throw a checked exception, used by folds such as {@link
 * Pipe#reduce} and {@link Pipe#scan}.
 *
 * @param <A> the accumulator type
 * @param <T> the element type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CheckedBiFunction<A, T, R> {
  /** Applies this function. */
  R apply(A a, T t) throws Exception;
}
