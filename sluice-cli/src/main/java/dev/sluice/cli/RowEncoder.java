package dev.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes table rows (maps from column to the driver's value) as CSV or JSON Lines, a chunk of rows
 * at a time, so {@code export} can write and checkpoint whole batches. CSV: a header row, RFC 4180
 * quoting, NULL as an empty field, an empty text as {@code ""}, text exactly as stored (no formula
 * guard). JSON Lines: one object per row with the columns in order, NULL as {@code null}. A
 * gzip-compressed chunk is a complete gzip member, so chunks concatenate into a valid gzip file.
 */
final class RowEncoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Format format;
  private final List<String> columns;
  private final boolean gzip;

  RowEncoder(Format format, List<String> columns, boolean gzip) {
    this.format = format;
    this.columns = List.copyOf(columns);
    this.gzip = gzip;
  }

  /** The bytes before the first row: the CSV header, or nothing for JSON Lines. */
  byte[] header() throws Exception {
    if (format != Format.CSV) {
      return new byte[0];
    }
    return chunk(out -> writeCsv(out, columns));
  }

  /** The bytes of {@code rows}. */
  byte[] rows(List<Map<String, Object>> rows) throws Exception {
    return chunk(
        out -> {
          for (Map<String, Object> row : rows) {
            write(out, row);
          }
        });
  }

  /** Writes one row, uncompressed, to {@code out}. */
  void write(OutputStream out, Map<String, Object> row) throws Exception {
    if (format == Format.CSV) {
      String[] cells = new String[columns.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = Values.text(row.get(columns.get(i)));
      }
      writeCsv(out, java.util.Arrays.asList(cells));
    } else {
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

  private static void writeCsv(OutputStream out, List<String> cells) throws IOException {
    StringBuilder line = new StringBuilder(128);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells.get(i);
      if (cell == null) {
        continue;
      }
      if (cell.isEmpty() || needsQuotes(cell)) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    line.append('\n');
    out.write(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean needsQuotes(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws Exception;
  }
}
