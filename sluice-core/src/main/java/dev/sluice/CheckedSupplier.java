package dev.sluice;

/**
 * A supplier that may throw a checked exception.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface CheckedSupplier<T> {
  /** Returns a value. */
  T get() throws Exception;
}
