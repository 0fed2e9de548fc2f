package dev.sluice.jdbc.internal;

import java.util.Map;

/** Boxing of primitive classes. */
final class Types {
  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          boolean.class, Boolean.class,
          byte.class, Byte.class,
          short.class, Short.class,
          int.class, Integer.class,
          long.class, Long.class,
          float.class, Float.class,
          double.class, Double.class,
          char.class, Character.class);

  private Types() {}

  static Class<?> boxed(Class<?> type) {
    return BOXES.getOrDefault(type, type);
  }
}
