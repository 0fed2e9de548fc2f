package dev.sluice.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.JsonLines;
import dev.sluice.io.JsonSettings;
import dev.sluice.io.LineSettings;
import dev.sluice.io.Lines;

/**
 * Every reader of sluice-io over arbitrary bytes, with small limits: rows, or a {@link
 * dev.sluice.io.BadInputException} naming the input and position, and never more memory than the
 * limits allow (the suite runs under {@code -Xmx128m}).
 */
class ReadersFuzzTest {
  private static final CsvSettings CSV = CsvSettings.defaults().withLimits(64, 4096, 8192, 16384);

  private static final JsonSettings JSON =
      JsonSettings.defaults()
          .withMaxLineLength(16384)
          .withMaxNestingDepth(32)
          .withMaxStringLength(8192);

  private static final LineSettings LINES = LineSettings.defaults().withMaxLineLength(4096);

  @FuzzTest(maxDuration = "10s")
  void csvReaderReturnsRowsOrBadInput(byte[] data) {
    Invariants.elementsOrBadInput(Csv.read(Invariants.input(data), CSV));
  }

  @FuzzTest(maxDuration = "10s")
  void lenientCsvReaderReturnsRowsOrBadInput(byte[] data) {
    Invariants.elementsOrBadInput(
        Csv.read(Invariants.input(data), CSV.withLenient(true).withAllowDuplicateHeader(true)));
  }

  @FuzzTest(maxDuration = "10s")
  void jsonLinesReaderReturnsValuesOrBadInput(byte[] data) {
    Invariants.elementsOrBadInput(JsonLines.read(Invariants.input(data), JsonNode.class, JSON));
  }

  @FuzzTest(maxDuration = "10s")
  void lineSplitterReturnsLinesOrBadInput(byte[] data) {
    Invariants.elementsOrBadInput(Lines.read(Invariants.input(data), LINES));
  }

  @FuzzTest(maxDuration = "10s")
  void lineSplitterWithADelimiterReturnsLinesOrBadInput(byte[] data) {
    Invariants.elementsOrBadInput(Lines.read(Invariants.input(data), LINES.withDelimiter("||")));
  }
}
