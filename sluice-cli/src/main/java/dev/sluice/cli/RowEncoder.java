package dev.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes table rows (maps from column to the driver's value) as CSV or JSON Lines, a chunk of rows
 * at a time, so {@code export} can write and checkpoint whole batches. CSV goes through the one CSV
 * encoder of sluice-io (the same quoting, line ends, NULL rule and formula guard as {@code
 * convert}); JSON Lines: one object per row with the columns in order, NULL as {@code null}. A
 * gzip-compressed chunk is a complete gzip member, so chunks concatenate into a valid gzip file.
 */
final class RowEncoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Format format;
  private final List<String> columns;
  private final boolean gzip;
  private final CsvWriteSettings csv;

  RowEncoder(Format format, List<String> columns, boolean gzip, CsvWriteSettings csv) {
    this.format = format;
    this.columns = List.copyOf(columns);
    this.gzip = gzip;
    this.csv = csv;
  }

  /** The bytes before the first row: the CSV header, or nothing for JSON Lines. */
  byte[] header() throws Exception {
    if (format != Format.CSV) {
      return new byte[0];
    }
    return chunk(
        out -> {
          Encoder<List<String>> encoder = Csv.encoder(out, csv);
          encoder.write(columns);
          encoder.finish();
        });
  }

  /** The bytes of {@code rows}. */
  byte[] rows(List<Map<String, Object>> rows) throws Exception {
    return chunk(format == Format.CSV ? out -> csvRows(out, rows) : out -> jsonRows(out, rows));
  }

  private void csvRows(OutputStream out, List<Map<String, Object>> rows) throws Exception {
    Encoder<List<String>> encoder = Csv.encoder(out, csv);
    List<String> cells = new ArrayList<>(columns.size());
    for (Map<String, Object> row : rows) {
      cells.clear();
      for (String column : columns) {
        cells.add(Values.text(row.get(column)));
      }
      encoder.write(cells);
    }
    encoder.finish();
  }

  private void jsonRows(OutputStream out, List<Map<String, Object>> rows) throws Exception {
    for (Map<String, Object> row : rows) {
      Map<String, Object> object = LinkedHashMap.newLinkedHashMap(columns.size());
      for (String column : columns) {
        object.put(column, Values.json(row.get(column)));
      }
      out.write(JSON.writeValueAsBytes(object));
      out.write('\n');
    }
  }

  private byte[] chunk(Body body) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    if (gzip) {
      try (GZIPOutputStream z = new GZIPOutputStream(bytes, 8192)) {
        body.write(z);
      }
    } else {
      body.write(bytes);
    }
    return bytes.toByteArray();
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws Exception;
  }
}
