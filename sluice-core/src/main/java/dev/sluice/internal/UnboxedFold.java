package dev.sluice.internal;

import dev.sluice.CheckedBiFunction;

/**
 * {@code reduce} and {@code fold} when the accumulator starts as a {@code Long}, {@code Integer} or
 * {@code Double}: the running value is kept unboxed between calls and boxed only to be handed to
 * the function.
 *
 * <p>Why: a generic fold stores the function's result in a field, so the box it returns escapes and
 * is allocated once per element (24 bytes per element summed with {@code Long::sum}, measured with
 * {@code -prof gc} in {@code bench/run core}). Here the box passed in is unboxed at once by an
 * inlined function such as {@code Long::sum}, and the box returned is unboxed at once by the fold,
 * so the JIT removes both and the fold allocates nothing per element. The boxes are value-based
 * classes whose identity is not promised, so the results equal a generic fold's; an empty run
 * returns {@code identity} itself. If the function returns anything else (a null, or another kind
 * of {@code Number} when the accumulator type is wider) the fold carries on generically from that
 * value.
 */
final class UnboxedFold {
  private UnboxedFold() {}

  /** Runs {@code source} folding into {@code identity}; null if the identity is of no such type. */
  static <T, A> A run(
      Source<T> source, A identity, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
    return switch (identity) {
      case Long start -> {
        OfLong<T, A> fold = new OfLong<>(start, fn);
        Terminals.run(source, fold);
        yield fold.result(identity);
      }
      case Integer start -> {
        OfInt<T, A> fold = new OfInt<>(start, fn);
        Terminals.run(source, fold);
        yield fold.result(identity);
      }
      case Double start -> {
        OfDouble<T, A> fold = new OfDouble<>(start, fn);
        Terminals.run(source, fold);
        yield fold.result(identity);
      }
      default -> throw new IllegalArgumentException("no unboxed fold for " + identity);
    };
  }

  /** Whether {@link #run} takes this identity. */
  static boolean handles(Object identity) {
    return identity instanceof Long || identity instanceof Integer || identity instanceof Double;
  }

  private static final class OfLong<T, A> implements Downstream<T> {
    private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;
    private long value;
    private boolean generic;
    private A acc;

    OfLong(long start, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
      this.value = start;
      this.fn = fn;
    }

    @Override
    public boolean push(T item) {
      try {
        if (generic) {
          acc = fn.apply(acc, item);
        } else {
          A next = fn.apply(cast(Long.valueOf(value)), item);
          if (next instanceof Long unboxed) {
            value = unboxed;
          } else {
            acc = next;
            generic = true;
          }
        }
      } catch (Throwable t) {
        throw Failures.at(t, "reduce (terminal)");
      }
      return true;
    }

    A result(A identity) {
      if (generic) {
        return acc;
      }
      return value == (Long) identity ? identity : cast(Long.valueOf(value));
    }
  }

  private static final class OfInt<T, A> implements Downstream<T> {
    private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;
    private int value;
    private boolean generic;
    private A acc;

    OfInt(int start, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
      this.value = start;
      this.fn = fn;
    }

    @Override
    public boolean push(T item) {
      try {
        if (generic) {
          acc = fn.apply(acc, item);
        } else {
          A next = fn.apply(cast(Integer.valueOf(value)), item);
          if (next instanceof Integer unboxed) {
            value = unboxed;
          } else {
            acc = next;
            generic = true;
          }
        }
      } catch (Throwable t) {
        throw Failures.at(t, "reduce (terminal)");
      }
      return true;
    }

    A result(A identity) {
      if (generic) {
        return acc;
      }
      return value == (Integer) identity ? identity : cast(Integer.valueOf(value));
    }
  }

  private static final class OfDouble<T, A> implements Downstream<T> {
    private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;
    private double value;
    private boolean generic;
    private A acc;

    OfDouble(double start, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
      this.value = start;
      this.fn = fn;
    }

    @Override
    public boolean push(T item) {
      try {
        if (generic) {
          acc = fn.apply(acc, item);
        } else {
          A next = fn.apply(cast(Double.valueOf(value)), item);
          if (next instanceof Double unboxed) {
            value = unboxed;
          } else {
            acc = next;
            generic = true;
          }
        }
      } catch (Throwable t) {
        throw Failures.at(t, "reduce (terminal)");
      }
      return true;
    }

    A result(A identity) {
      if (generic) {
        return acc;
      }
      return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits((Double) identity)
          ? identity
          : cast(Double.valueOf(value));
    }
  }

  @SuppressWarnings("unchecked")
  private static <A> A cast(Object value) {
    return (A) value;
  }
}
