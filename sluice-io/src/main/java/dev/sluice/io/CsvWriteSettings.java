package dev.sluice.io;

/**
 * How {@link Csv} writes: the dialect, the line end, and the formula-injection guard. Fields are
 * quoted per RFC 4180 (when they hold the separator, a quote, CR or LF). Immutable.
 *
 * @param fieldSeparator the field separator (default ',')
 * @param quoteCharacter the quote character (default '"')
 * @param crlf end records with CRLF as RFC 4180 says (default), or with LF
 * @param formulaGuard prefix {@code '} to a cell that starts with =, +, -, @, tab or CR and is not
 *     a plain number, so spreadsheets do not run it as a formula (default true)
 */
public record CsvWriteSettings(
    char fieldSeparator, char quoteCharacter, boolean crlf, boolean formulaGuard) {

  /** Comma, double quote, CRLF, formula guard on. */
  public static CsvWriteSettings defaults() {
    return new CsvWriteSettings(',', '"', true, true);
  }

  /** These settings with the formula guard on or off. */
  public CsvWriteSettings withFormulaGuard(boolean on) {
    return new CsvWriteSettings(fieldSeparator, quoteCharacter, crlf, on);
  }

  /** These settings with records ended by CRLF ({@code true}) or LF. */
  public CsvWriteSettings withCrlf(boolean on) {
    return new CsvWriteSettings(fieldSeparator, quoteCharacter, on, formulaGuard);
  }

  /** These settings with another field separator. */
  public CsvWriteSettings withFieldSeparator(char c) {
    return new CsvWriteSettings(c, quoteCharacter, crlf, formulaGuard);
  }
}
