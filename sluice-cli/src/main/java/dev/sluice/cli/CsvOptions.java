package dev.sluice.cli;

import dev.sluice.io.CsvWriteSettings;
import picocli.CommandLine.Option;

/** The CSV output options every command that writes CSV shares, with the same defaults. */
final class CsvOptions {
  @Option(
      names = "--no-formula-guard",
      description = "do not prefix ' to CSV cells that start with = + - @ (spreadsheet formulas)")
  boolean noFormulaGuard;

  @Option(names = "--crlf", description = "end CSV records with CRLF (default: LF)")
  boolean crlf;

  @Option(
      names = "--null",
      paramLabel = "TEXT",
      description =
          "write NULL cells as TEXT, such as \\N (default: an empty field; empty text is \"\")")
  String nullText;

  CsvWriteSettings settings() {
    if (nullText != null && nullText.isEmpty()) {
      throw new UsageException("--null must not be empty: NULL is an empty field by default");
    }
    return CsvWriteSettings.defaults()
        .withFormulaGuard(!noFormulaGuard)
        .withCrlf(crlf)
        .withNullText(nullText);
  }
}
