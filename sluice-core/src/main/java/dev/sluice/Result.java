package dev.sluice;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a function applied to one element, as a value: either {@link #isOk() ok} with the
 * function's value, or failed with the exception it threw. Both keep the {@link #input()} element,
 * so a failure can be logged, retried or written to a dead-letter sink with what caused it. Made by
 * {@link Pipe#mapAttempt}; immutable, and thread-safe if its contents are.
 *
 * <pre>{@code
 * Pipe.of("1", "x", "3")
 *     .mapAttempt(Integer::parseInt)
 *     .forEach(r -> System.out.println(r.isOk() ? r.value() : "bad: " + r.input()));
 * }</pre>
 *
 * @param <T> the value type
 */
public final class Result<T> {
  private final T value;
  private final Exception error;
  private final Object input;

  private Result(T value, Exception error, Object input) {
    this.value = value;
    this.error = error;
    this.input = input;
  }

  /** An ok result with {@code value} (may be null) computed from {@code input}. */
  public static <T> Result<T> ok(Object input, T value) {
    return new Result<>(value, null, input);
  }

  /** A failed result: computing from {@code input} threw {@code error}. */
  public static <T> Result<T> failure(Object input, Exception error) {
    return new Result<>(null, Objects.requireNonNull(error, "error"), input);
  }

  /** Whether the function returned a value. */
  public boolean isOk() {
    return error == null;
  }

  /** The value of an ok result (may be null). */
  public T value() {
    if (error != null) {
      throw new IllegalStateException("a failed result has no value: " + error, error);
    }
    return value;
  }

  /** The exception of a failed result. */
  public Exception error() {
    if (error == null) {
      throw new IllegalStateException("an ok result has no error");
    }
    return error;
  }

  /** The element the function was applied to. */
  public Object input() {
    return input;
  }

  /** The value, or {@code fallback} if this failed. */
  public T orElse(T fallback) {
    return error == null ? value : fallback;
  }

  /** The value, or what {@code fallback} makes of the error. */
  public T orElseGet(Function<? super Exception, ? extends T> fallback) {
    return error == null ? value : fallback.apply(error);
  }

  /**
   * The value through {@code mapper}, keeping the input; a failure stays the same failure, and a
   * {@code mapper} that throws gives a failure with its exception.
   */
  public <R> Result<R> map(CheckedFunction<? super T, ? extends R> mapper) {
    if (error != null) {
      @SuppressWarnings("unchecked")
      Result<R> same = (Result<R>) this;
      return same;
    }
    try {
      return ok(input, mapper.apply(value));
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return failure(input, e);
    }
  }

  /** {@code onOk} of the value, or {@code onError} of the error. */
  public <R> R fold(
      Function<? super T, ? extends R> onOk, Function<? super Exception, ? extends R> onError) {
    return error == null ? onOk.apply(value) : onError.apply(error);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Result<?> r
        && Objects.equals(value, r.value)
        && Objects.equals(error, r.error)
        && Objects.equals(input, r.input);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, error, input);
  }

  @Override
  public String toString() {
    return error == null
        ? "Ok[" + value + " from " + input + "]"
        : "Failure[" + error + " from " + input + "]";
  }
}
