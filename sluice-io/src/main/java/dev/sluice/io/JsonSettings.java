package dev.sluice.io;

/**
 * How {@link JsonLines} reads: the longest line, and Jackson's read limits ({@code
 * StreamReadConstraints}) as named settings. Every line is UTF-8. Immutable; start from {@link
 * #defaults()}.
 *
 * @param maxLineLength the longest line, in characters (default {@value
 *     LineSettings#DEFAULT_MAX_LINE_LENGTH})
 * @param maxNestingDepth the deepest nesting of objects and arrays (default {@value
 *     #DEFAULT_MAX_NESTING_DEPTH})
 * @param maxStringLength the longest string value, in characters (default {@value
 *     #DEFAULT_MAX_STRING_LENGTH})
 * @param maxNumberLength the longest number, in characters (default {@value
 *     #DEFAULT_MAX_NUMBER_LENGTH})
 * @param maxNameLength the longest property name, in characters (default {@value
 *     #DEFAULT_MAX_NAME_LENGTH})
 */
public record JsonSettings(
    int maxLineLength,
    int maxNestingDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxNameLength) {
  /** The default for {@link #maxNestingDepth()}. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 500;

  /** The default for {@link #maxStringLength()}: 16 MiB characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 16 << 20;

  /** The default for {@link #maxNumberLength()}. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

  /** The default for {@link #maxNameLength()}. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 50_000;

  /** Checks the values. */
  public JsonSettings {
    positive(maxLineLength, "maxLineLength");
    positive(maxNestingDepth, "maxNestingDepth");
    positive(maxStringLength, "maxStringLength");
    positive(maxNumberLength, "maxNumberLength");
    positive(maxNameLength, "maxNameLength");
  }

  /** The default limits. */
  public static JsonSettings defaults() {
    return new JsonSettings(
        LineSettings.DEFAULT_MAX_LINE_LENGTH,
        DEFAULT_MAX_NESTING_DEPTH,
        DEFAULT_MAX_STRING_LENGTH,
        DEFAULT_MAX_NUMBER_LENGTH,
        DEFAULT_MAX_NAME_LENGTH);
  }

  /** These settings with another longest line. */
  public JsonSettings withMaxLineLength(int n) {
    return new JsonSettings(n, maxNestingDepth, maxStringLength, maxNumberLength, maxNameLength);
  }

  /** These settings with another deepest nesting. */
  public JsonSettings withMaxNestingDepth(int n) {
    return new JsonSettings(maxLineLength, n, maxStringLength, maxNumberLength, maxNameLength);
  }

  /** These settings with another longest string value. */
  public JsonSettings withMaxStringLength(int n) {
    return new JsonSettings(maxLineLength, maxNestingDepth, n, maxNumberLength, maxNameLength);
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
