package dev.sluice.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.Pipe;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Input;
import dev.sluice.io.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CSV writer writes, the CSV reader reads back exactly: any cells (quotes, separators, CR,
 * LF, non-ASCII text), any number of records, with the formula guard off.
 */
class CsvRoundTripFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void writtenCellsReadBackTheSame(FuzzedDataProvider data) {
    int columns = data.consumeInt(1, 6);
    List<List<String>> records = new ArrayList<>();
    int n = data.consumeInt(1, 20);
    for (int r = 0; r < n; r++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        cells.add(validText(data.consumeString(40)));
      }
      records.add(cells);
    }
    boolean crlf = data.consumeBoolean();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Pipe.from(records)
        .into(
            Csv.sink(
                Output.stream("buffer", () -> bytes),
                CsvWriteSettings.defaults().withFormulaGuard(false).withCrlf(crlf)));
    byte[] written = bytes.toByteArray();
    List<List<String>> read = new ArrayList<>();
    List<String> header = new ArrayList<>();
    Csv.read(
            Input.stream("written", () -> new ByteArrayInputStream(written)),
            CsvSettings.defaults().withAllowDuplicateHeader(true),
            header::addAll)
        .forEach(row -> read.add(fields(row)));
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(read);
    assertThat(all).isEqualTo(records);
  }

  private static List<String> fields(CsvRow row) {
    List<String> cells = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      cells.add(row.get(i));
    }
    return cells;
  }

  /**
   * {@code s} without lone surrogates (no UTF-8 form) and byte order marks (a reader drops one).
   */
  private static String validText(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (!Character.isSurrogate(c) && c != '\uFEFF') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
