package dev.sluice.internal;

/** Argument checks made while a pipeline is built, with messages that name the parameter. */
public final class Checks {
  private Checks() {}

  /** Returns {@code value}, or throws a {@link NullPointerException} naming {@code name}. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /**
   * Returns {@code name}, a stage's name for error notes and progress, if it is not null, not blank
   * and one line.
   */
  public static String name(String name) {
    notNull(name, "name");
    if (name.isBlank() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("name must be one non-blank line, was \"" + name + "\"");
    }
    return name;
  }

  /** Returns {@code value} if it is > 0. */
  public static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is >= 0. */
  public static long notNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is non-null and longer than zero. */
  public static java.time.Duration positive(java.time.Duration value, String name) {
    notNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }
}
