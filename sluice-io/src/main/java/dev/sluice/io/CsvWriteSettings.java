package dev.sluice.io;

import java.util.Objects;

/**
 * How {@link Csv} writes: the dialect, the line end, how SQL NULL and empty text are told apart,
 * and the formula-injection guard. Fields are quoted per RFC 4180 (when they hold the separator, a
 * quote, CR or LF). Immutable; each {@code with…} returns a changed copy, so a new setting never
 * breaks a caller.
 *
 * <p>The defaults, used by every command that writes CSV ({@code convert}, {@code export}):
 *
 * <ul>
 *   <li>field separator {@code ','}, quote {@code '"'};
 *   <li>records end with LF, as PostgreSQL's {@code COPY} and Unix tools write them ({@link
 *       #withCrlf(boolean) withCrlf(true)} for RFC 4180's CRLF);
 *   <li>a null cell is an empty field and an empty text is {@code ""} (PostgreSQL's CSV rule), so
 *       the two stay apart; {@link #withNullText} writes null cells as a marker such as {@code \N}
 *       instead. A record whose only cell is empty or null is written as {@code ""} (or the
 *       marker), never as a blank line, which readers skip;
 *   <li>the formula guard is on: a cell that starts with {@code =}, {@code +}, {@code -},
 *       {@code @}, tab or CR and is not a plain number gets a leading {@code '}, so spreadsheets do
 *       not run it.
 * </ul>
 */
public final class CsvWriteSettings {
  private static final CsvWriteSettings DEFAULTS =
      new CsvWriteSettings(',', '"', false, true, null);

  private final char fieldSeparator;
  private final char quoteCharacter;
  private final boolean crlf;
  private final boolean formulaGuard;
  private final String nullText;

  private CsvWriteSettings(
      char fieldSeparator,
      char quoteCharacter,
      boolean crlf,
      boolean formulaGuard,
      String nullText) {
    this.fieldSeparator = fieldSeparator;
    this.quoteCharacter = quoteCharacter;
    this.crlf = crlf;
    this.formulaGuard = formulaGuard;
    this.nullText = nullText;
  }

  /** Comma, double quote, LF, null as an empty field, formula guard on. */
  public static CsvWriteSettings defaults() {
    return DEFAULTS;
  }

  /** The field separator (default ','). */
  public char fieldSeparator() {
    return fieldSeparator;
  }

  /** The quote character (default '"'). */
  public char quoteCharacter() {
    return quoteCharacter;
  }

  /** Whether records end with CRLF (default false: LF). */
  public boolean crlf() {
    return crlf;
  }

  /** Whether the formula guard is on (default true). */
  public boolean formulaGuard() {
    return formulaGuard;
  }

  /** The text of a null cell, or {@code null} for an empty field (the default). */
  public String nullText() {
    return nullText;
  }

  /** These settings with the formula guard on or off. */
  public CsvWriteSettings withFormulaGuard(boolean on) {
    return new CsvWriteSettings(fieldSeparator, quoteCharacter, crlf, on, nullText);
  }

  /** These settings with records ended by CRLF ({@code true}) or LF. */
  public CsvWriteSettings withCrlf(boolean on) {
    return new CsvWriteSettings(fieldSeparator, quoteCharacter, on, formulaGuard, nullText);
  }

  /** These settings with another field separator. */
  public CsvWriteSettings withFieldSeparator(char c) {
    return new CsvWriteSettings(c, quoteCharacter, crlf, formulaGuard, nullText);
  }

  /** These settings with another quote character. */
  public CsvWriteSettings withQuoteCharacter(char c) {
    return new CsvWriteSettings(fieldSeparator, c, crlf, formulaGuard, nullText);
  }

  /**
   * These settings with null cells written as {@code text} (such as {@code \N}); {@code null}
   * writes them as empty fields again. The text must not be empty: that is the default already.
   */
  public CsvWriteSettings withNullText(String text) {
    if (text != null && text.isEmpty()) {
      throw new IllegalArgumentException(
          "nullText must not be empty (null cells are empty fields by default), was \"\"");
    }
    return new CsvWriteSettings(fieldSeparator, quoteCharacter, crlf, formulaGuard, text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsvWriteSettings s
        && s.fieldSeparator == fieldSeparator
        && s.quoteCharacter == quoteCharacter
        && s.crlf == crlf
        && s.formulaGuard == formulaGuard
        && Objects.equals(s.nullText, nullText);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fieldSeparator, quoteCharacter, crlf, formulaGuard, nullText);
  }

  @Override
  public String toString() {
    return "CsvWriteSettings[fieldSeparator="
        + fieldSeparator
        + ", quoteCharacter="
        + quoteCharacter
        + ", lineEnd="
        + (crlf ? "CRLF" : "LF")
        + ", formulaGuard="
        + formulaGuard
        + ", nullText="
        + (nullText == null ? "(empty field)" : nullText)
        + "]";
  }
}
