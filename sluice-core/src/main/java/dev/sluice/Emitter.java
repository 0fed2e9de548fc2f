package dev.sluice;

/**
 * Where a {@link Generator} (or a custom {@link Stage}) sends its elements.
 *
 * <p>{@link #emit} is a blocking hand-over: it returns once every stage downstream has dealt with
 * the element, so a generator is never more than one element ahead of its consumer. When the
 * downstream wants no more elements (after {@code take(n)}, {@code first()}, a failure, or a
 * cancelled run), {@code emit} does not return normally: it throws an {@link Error} that the
 * pipeline itself catches, so the generator's {@code finally} blocks run and it is never asked for
 * another element, even if it wraps {@code emit} in {@code catch (Exception e)}. Do not catch
 * {@link Throwable} around {@code emit}; if you must, rethrow what you caught.
 *
 * <p>An emitter belongs to the thread that runs its generator and must not be used after the
 * generator returned.
 *
 * @param <T> the element type
 */
public interface Emitter<T> {
  /**
   * Hands {@code item} downstream and returns when downstream has dealt with it.
   *
   * @throws Error (internal stop signal) when downstream wants no more elements
   */
  void emit(T item);
}
