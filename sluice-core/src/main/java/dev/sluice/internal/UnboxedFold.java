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
 *
 * <p>The function must be inlined for the boxes to go, so each function class gets its own copy of
 * the fold class ({@link Specializer#createFor}): one shared copy would see every reduce function
 * of the application at its call, stop inlining, and then allocate a box more per element than a
 * generic fold.
 */
final class UnboxedFold {
  private UnboxedFold() {}

  /** A fold's push side that can say its result. */
  interface Folding<T, A> extends Downstream<T> {
    A result(A identity);
  }

  /**
   * The fold for {@code identity} if it is a {@code Long}, {@code Integer} or {@code Double}, else
   * null.
   */
  static <T, A> Folding<T, A> of(
      A identity, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
    Class<?> template =
        switch (identity) {
          case Long l -> OfLong.class;
          case Integer i -> OfInt.class;
          case Double d -> OfDouble.class;
          case null, default -> null;
        };
    return template == null ? null : Specializer.createFor(template, fn, identity);
  }

  /** A template for {@link Specializer#createFor}. */
  static final class OfLong<T, A> implements Folding<T, A> {
    private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;
    private long value;
    private boolean generic;
    private A acc;

    @SuppressWarnings("unchecked")
    OfLong(Object fn, Object identity) {
      this.fn = (CheckedBiFunction<? super A, ? super T, ? extends A>) fn;
      this.value = (Long) identity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean push(T item) {
      try {
        if (generic) {
          acc = fn.apply(acc, item);
        } else {
          A next = fn.apply((A) Long.valueOf(value), item);
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

    @Override
    @SuppressWarnings("unchecked")
    public A result(A identity) {
      if (generic) {
        return acc;
      }
      return value == (Long) identity ? identity : (A) Long.valueOf(value);
    }
  }

  /** A template for {@link Specializer#createFor}. */
  static final class OfInt<T, A> implements Folding<T, A> {
    private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;
    private int value;
    private boolean generic;
    private A acc;

    @SuppressWarnings("unchecked")
    OfInt(Object fn, Object identity) {
      this.fn = (CheckedBiFunction<? super A, ? super T, ? extends A>) fn;
      this.value = (Integer) identity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean push(T item) {
      try {
        if (generic) {
          acc = fn.apply(acc, item);
        } else {
          A next = fn.apply((A) Integer.valueOf(value), item);
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

    @Override
    @SuppressWarnings("unchecked")
    public A result(A identity) {
      if (generic) {
        return acc;
      }
      return value == (Integer) identity ? identity : (A) Integer.valueOf(value);
    }
  }

  /** A template for {@link Specializer#createFor}. */
  static final class OfDouble<T, A> implements Folding<T, A> {
    private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;
    private double value;
    private boolean generic;
    private A acc;

    @SuppressWarnings("unchecked")
    OfDouble(Object fn, Object identity) {
      this.fn = (CheckedBiFunction<? super A, ? super T, ? extends A>) fn;
      this.value = (Double) identity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean push(T item) {
      try {
        if (generic) {
          acc = fn.apply(acc, item);
        } else {
          A next = fn.apply((A) Double.valueOf(value), item);
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

    @Override
    @SuppressWarnings("unchecked")
    public A result(A identity) {
      if (generic) {
        return acc;
      }
      return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits((Double) identity)
          ? identity
          : (A) Double.valueOf(value);
    }
  }
}
