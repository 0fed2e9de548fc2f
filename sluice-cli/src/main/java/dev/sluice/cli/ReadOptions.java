package dev.sluice.cli;

import dev.sluice.io.CsvSettings;
import dev.sluice.io.JsonSettings;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The reader options of the commands that read CSV or JSON Lines: strictness and every parser
 * limit, so each setting an error message names can be changed from the command line.
 */
final class ReadOptions {
  /** The option that sets each limit a reader's error names. */
  static final Map<String, String> OPTION_OF_SETTING =
      Map.of(
          "lenient", "--lenient",
          "allowDuplicateHeader", "--allow-duplicate-header",
          "maxFields", "--max-fields",
          "maxFieldSize", "--max-field-size",
          "maxRecordSize", "--max-record-size",
          "maxBufferSize", "--max-buffer-size",
          "maxLineLength", "--max-line-length",
          "maxNestingDepth", "--max-nesting-depth",
          "maxStringLength", "--max-string-length");

  @Option(
      names = "--lenient",
      description =
          "CSV: accept rows shorter than the header (missing fields empty) and an unclosed last quote")
  boolean lenient;

  @Option(names = "--allow-duplicate-header", description = "CSV: accept a column named twice")
  boolean allowDuplicateHeader;

  @Option(names = "--max-fields", paramLabel = "N", description = "CSV: most fields per record")
  Integer maxFields;

  @Option(names = "--max-field-size", paramLabel = "CHARS", description = "CSV: longest field")
  Integer maxFieldSize;

  @Option(names = "--max-record-size", paramLabel = "CHARS", description = "CSV: longest record")
  Integer maxRecordSize;

  @Option(
      names = "--max-buffer-size",
      paramLabel = "CHARS",
      description = "CSV: largest stretch of input the parser holds")
  Integer maxBufferSize;

  @Option(names = "--max-line-length", paramLabel = "CHARS", description = "JSON: longest line")
  Integer maxLineLength;

  @Option(names = "--max-nesting-depth", paramLabel = "N", description = "JSON: deepest nesting")
  Integer maxNestingDepth;

  @Option(
      names = "--max-string-length",
      paramLabel = "CHARS",
      description = "JSON: longest string value")
  Integer maxStringLength;

  CsvSettings csv() {
    CsvSettings d = CsvSettings.defaults();
    int field = maxFieldSize != null ? maxFieldSize : d.maxFieldSize();
    int record = maxRecordSize != null ? maxRecordSize : Math.max(d.maxRecordSize(), field);
    try {
      return d.withLenient(lenient)
          .withAllowDuplicateHeader(allowDuplicateHeader)
          .withLimits(
              maxFields != null ? maxFields : d.maxFields(),
              field,
              record,
              maxBufferSize != null ? maxBufferSize : d.maxBufferSize());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  JsonSettings json() {
    try {
      JsonSettings s = JsonSettings.defaults();
      if (maxLineLength != null) {
        s = s.withMaxLineLength(maxLineLength);
      }
      if (maxNestingDepth != null) {
        s = s.withMaxNestingDepth(maxNestingDepth);
      }
      if (maxStringLength != null) {
        s = s.withMaxStringLength(maxStringLength);
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
