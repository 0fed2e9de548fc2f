package dev.sluice.io.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Converts CSV text to the types a record component may have: strings, primitives and their boxes,
 * big numbers, UUIDs, dates, instants and enums (by constant name). An empty field is {@code null}
 * for reference types other than String.
 */
final class ValueParsers {
  private static final Set<Class<?>> SUPPORTED =
      Set.of(
          String.class,
          int.class,
          Integer.class,
          long.class,
          Long.class,
          double.class,
          Double.class,
          float.class,
          Float.class,
          boolean.class,
          Boolean.class,
          short.class,
          Short.class,
          byte.class,
          Byte.class,
          char.class,
          Character.class,
          BigDecimal.class,
          BigInteger.class,
          UUID.class,
          LocalDate.class,
          LocalDateTime.class,
          Instant.class);

  private ValueParsers() {}

  static void check(Class<?> type, String where) {
    if (!type.isEnum() && !SUPPORTED.contains(type)) {
      throw new IllegalArgumentException(
          where + " has type " + type.getName() + ", which cannot be read from CSV text");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object parse(Class<?> type, String text) {
    if (type == String.class) {
      return text;
    }
    if (text.isEmpty() && !type.isPrimitive()) {
      return null;
    }
    if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, text);
    }
    return switch (type.getName()) {
      case "int", "java.lang.Integer" -> Integer.parseInt(text);
      case "long", "java.lang.Long" -> Long.parseLong(text);
      case "double", "java.lang.Double" -> Double.parseDouble(text);
      case "float", "java.lang.Float" -> Float.parseFloat(text);
      case "short", "java.lang.Short" -> Short.parseShort(text);
      case "byte", "java.lang.Byte" -> Byte.parseByte(text);
      case "boolean", "java.lang.Boolean" -> parseBoolean(text);
      case "char", "java.lang.Character" -> parseChar(text);
      case "java.math.BigDecimal" -> new BigDecimal(text);
      case "java.math.BigInteger" -> new BigInteger(text);
      case "java.util.UUID" -> UUID.fromString(text);
      case "java.time.LocalDate" -> LocalDate.parse(text);
      case "java.time.LocalDateTime" -> LocalDateTime.parse(text);
      case "java.time.Instant" -> Instant.parse(text);
      default -> throw new IllegalArgumentException("unsupported type " + type.getName());
    };
  }

  private static boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("expected true or false");
  }

  private static char parseChar(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException("expected one character");
    }
    return text.charAt(0);
  }
}
