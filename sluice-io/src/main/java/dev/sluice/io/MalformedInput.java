package dev.sluice.io;

/** What a text reader does with bytes that are not valid in its charset. */
public enum MalformedInput {
  /** Fail the run with a {@link BadInputException} naming the byte offset and line. */
  REPORT,
  /** Put U+FFFD in place of each malformed sequence and go on. */
  REPLACE
}
