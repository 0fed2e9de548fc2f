package dev.sluice.http;

import java.time.Duration;
import java.util.Objects;

/** Checks of setting values, with messages that name the setting. */
final class Settings {
  private Settings() {}

  static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }

  static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }

  static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }
}
