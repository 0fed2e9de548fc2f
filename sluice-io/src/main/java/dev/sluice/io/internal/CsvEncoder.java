package dev.sluice.io.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes each list of strings as one CSV record, in UTF-8, with the formula guard if set. A null
 * cell is an empty field (or the settings' null text), an empty one {@code ""}; a record of one
 * empty or null cell is {@code ""} (or the null text), so it is never a blank line.
 */
public final class CsvEncoder implements Encoder<List<String>> {
  private final Writer writer;
  private final CsvWriter csv;
  private final boolean guard;
  private final String nullText;
  private final Quoting quoting = new Quoting();
  private String[] scratch = new String[0];

  /** An encoder over {@code out}. */
  public CsvEncoder(OutputStream out, CsvWriteSettings settings) {
    this.writer = TextEncoders.writer(out, StandardCharsets.UTF_8);
    this.csv =
        CsvWriter.builder()
            .fieldSeparator(settings.fieldSeparator())
            .quoteCharacter(settings.quoteCharacter())
            .lineDelimiter(settings.crlf() ? LineDelimiter.CRLF : LineDelimiter.LF)
            .quoteStrategy(quoting)
            .bufferSize(0)
            .build(writer);
    this.guard = settings.formulaGuard();
    this.nullText = settings.nullText();
  }

  @Override
  public void write(List<String> record) throws IOException {
    int n = record.size();
    if (scratch.length != n) {
      scratch = new String[n];
    }
    for (int i = 0; i < n; i++) {
      String cell = record.get(i);
      scratch[i] = cell == null ? nullText : guard ? FormulaGuard.guard(cell) : cell;
    }
    quoting.singleCell = n == 1;
    try {
      csv.writeRecord(scratch);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  /** Quotes empty text always, and a null cell when it is a record's only cell. */
  private static final class Quoting implements QuoteStrategy {
    boolean singleCell;

    @Override
    public boolean quoteNull(int lineNo, int fieldIdx) {
      return singleCell;
    }

    @Override
    public boolean quoteEmpty(int lineNo, int fieldIdx) {
      return true;
    }
  }
}
