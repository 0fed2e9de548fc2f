package dev.sluice.io.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes each list of strings as one CSV record, in UTF-8, with the formula guard if set. */
public final class CsvEncoder implements Encoder<List<String>> {
  private final Writer writer;
  private final CsvWriter csv;
  private final boolean guard;
  private String[] scratch = new String[0];

  /** An encoder over {@code out}. */
  public CsvEncoder(OutputStream out, CsvWriteSettings settings) {
    this.writer = TextEncoders.writer(out, StandardCharsets.UTF_8);
    this.csv =
        CsvWriter.builder()
            .fieldSeparator(settings.fieldSeparator())
            .quoteCharacter(settings.quoteCharacter())
            .lineDelimiter(settings.crlf() ? LineDelimiter.CRLF : LineDelimiter.LF)
            .bufferSize(0)
            .build(writer);
    this.guard = settings.formulaGuard();
  }

  @Override
  public void write(List<String> record) throws IOException {
    int n = record.size();
    if (scratch.length != n) {
      scratch = new String[n];
    }
    for (int i = 0; i < n; i++) {
      String cell = record.get(i);
      scratch[i] = cell == null ? "" : guard ? FormulaGuard.guard(cell) : cell;
    }
    try {
      csv.writeRecord(scratch);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void finish() throws IOException {
    writer.flush();
  }
}
