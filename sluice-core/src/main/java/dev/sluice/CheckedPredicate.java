package dev.sluice;

/**
 * A predicate that may throw a checked exception.
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface CheckedPredicate<T> {
  /** Tests {@code t}. */
  boolean test(T t) throws Exception;
}
