package dev.sluice;

/**
 * A consumer that may throw a checked exception.
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface CheckedConsumer<T> {
  /** Accepts {@code t}. */
  void accept(T t) throws Exception;
}
