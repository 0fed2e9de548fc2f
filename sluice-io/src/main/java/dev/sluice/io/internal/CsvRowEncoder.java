package dev.sluice.io.internal;

import dev.sluice.Columns;
import dev.sluice.Row;
import dev.sluice.io.BadInputException;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvWriteSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes {@link Row}s as CSV through {@link CsvEncoder}: a header, then each row's values as {@link
 * Row#textOf text} in header order (null as the null text). The header is fixed up front or taken
 * from the first row; a row with other columns is written by name, a missing column as null, and a
 * column the header lacks is bad input naming the row's line. One per run; not thread-safe.
 */
public final class CsvRowEncoder implements dev.sluice.io.Encoder<Row> {
  private final CsvEncoder csv;
  private List<String> header;
  private Columns headerColumns;
  private final boolean headerFixed;
  private boolean headerPending;

  /** The header to write when no row came, asked for at the end; null for none. */
  private Supplier<List<String>> headerIfEmpty;

  /** The columns of the last row, and where each header column is in them (-1: absent). */
  private Columns seen;

  private int[] at;
  private final List<String> cells = new ArrayList<>();

  /**
   * An encoder over {@code out}; {@code columns} null takes them from the first row. {@code
   * writeHeader} false is for an output that already holds its header (a resumed file).
   */
  public CsvRowEncoder(
      OutputStream out, CsvWriteSettings settings, List<String> columns, boolean writeHeader) {
    this.csv = new CsvEncoder(out, settings);
    this.header = columns == null ? null : List.copyOf(columns);
    this.headerColumns = columns == null ? null : Columns.of(columns);
    this.headerFixed = columns != null;
    this.headerPending = writeHeader;
  }

  @Override
  public void write(Row row) throws IOException {
    if (header == null) {
      headerColumns = row.columns();
      header = headerColumns.names();
    }
    writeHeader();
    Columns columns = row.columns();
    if (columns != seen) {
      at = positions(columns, row);
      seen = columns;
    }
    cells.clear();
    if (row instanceof CsvRow text) { // every value a string
      for (int i : at) {
        cells.add(i < 0 ? null : text.get(i));
      }
    } else {
      for (int i : at) {
        cells.add(i < 0 ? null : Trees.text(row.get(i)));
      }
    }
    csv.write(cells);
  }

  /**
   * This encoder, writing the header {@code header} gives (when not null) at the end if no row
   * came; for an output whose header is only known once its input was read.
   */
  public CsvRowEncoder headerIfEmpty(Supplier<List<String>> header) {
    this.headerIfEmpty = header;
    return this;
  }

  /** Writes the header if it is still to be written and known; for an output with no rows. */
  @Override
  public void finish() throws IOException {
    if (header == null && headerIfEmpty != null && headerIfEmpty.get() != null) {
      header = List.copyOf(headerIfEmpty.get());
      headerColumns = Columns.of(header);
    }
    if (header != null) {
      writeHeader();
    }
    csv.finish();
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  private void writeHeader() throws IOException {
    if (headerPending) {
      headerPending = false;
      csv.write(header);
    }
  }

  private int[] positions(Columns columns, Row row) {
    if (columns.equals(headerColumns)) {
      int[] identity = new int[header.size()];
      Arrays.setAll(identity, i -> i);
      return identity;
    }
    for (String name : columns.names()) {
      if (!headerColumns.contains(name)) {
        throw new BadInputException(
            "CSV output",
            -1,
            (row.line() > 0 ? "the row of line " + row.line() : "a row")
                + " has column '"
                + name
                + "', which is not in the header "
                + header
                + (headerFixed ? "" : " taken from the first row"),
            null,
            null);
      }
    }
    int[] result = new int[header.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = columns.find(header.get(i));
    }
    return result;
  }
}
