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
 * <p>An emitter belongs to the thread that runs its generator (or calls the stage) and must not be
 * used after the generator returned: {@code emit} from another thread, or after the run ended,
 * throws {@link IllegalStateException} (for concurrency, use {@link Pipe#mapConcurrent} or {@link
 * Pipe#merge}). A run that was cancelled or timed out also stops the generator at its next {@code
 * emit}, even if the generator swallowed the interrupt.
 *
 * @param <T> the element type
 */
public interface Emitter<T> {
  /**
   * Hands {@code item} downstream and returns when downstream has dealt with it.
   *
   * @throws Error (internal stop signal) when downstream wants no more elements or the run was
   *     cancelled
   * @throws IllegalStateException when called from another thread than the run's, or after it
   */
  void emit(T item);
}
