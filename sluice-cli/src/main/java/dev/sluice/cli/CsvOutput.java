package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.io.BadInputException;
import dev.sluice.io.CsvRow;
import dev.sluice.io.Encoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/** Encoders that put a header first: CSV rows as they are, JSON objects by their first keys. */
final class CsvOutput {
  private CsvOutput() {}

  /**
   * Writes the header of the first row, then each row's fields; with {@code headerWritten} (a
   * resumed output), only the fields. When no row came, writes the header {@code header} supplies
   * at the end, if any (the header of a header-only input).
   */
  static Encoder<CsvRow> rows(
      Encoder<List<String>> csv, Supplier<List<String>> header, boolean headerWritten) {
    return new Encoder<>() {
      private boolean started = headerWritten;

      @Override
      public void write(CsvRow row) throws IOException {
        if (!started) {
          csv.write(row.header());
          started = true;
        }
        csv.write(row.fields());
      }

      @Override
      public void flush() throws IOException {
        csv.flush();
      }

      @Override
      public void finish() throws IOException {
        List<String> names = started ? null : header.get();
        if (names != null) {
          csv.write(names);
        }
        csv.finish();
      }
    };
  }

  /**
   * Writes the keys of the first object as the header, then each object's values in header order; a
   * later object with a key not in the header fails with bad input naming the record. A resumed
   * output passes the {@code header} it already wrote (else null).
   */
  static Encoder<ObjectNode> objects(
      Encoder<List<String>> csv, String input, List<String> writtenHeader) {
    return new Encoder<>() {
      private List<String> header = writtenHeader;
      private long record;

      @Override
      public void write(ObjectNode node) throws IOException {
        record++;
        if (header == null) {
          List<String> keys = new ArrayList<>();
          node.fieldNames().forEachRemaining(keys::add);
          header = List.copyOf(keys);
          csv.write(header);
        }
        List<String> cells = new ArrayList<>(header.size());
        for (String key : header) {
          cells.add(JsonText.cell(node.get(key)));
        }
        if (node.size() > header.size() || !hasOnly(node, header)) {
          throw new BadInputException(
              input,
              -1,
              "record "
                  + record
                  + ": key "
                  + extraKey(node, header)
                  + " is not in the header "
                  + header
                  + " taken from the first record",
              null,
              null);
        }
        csv.write(cells);
      }

      @Override
      public void flush() throws IOException {
        csv.flush();
      }

      @Override
      public void finish() throws IOException {
        csv.finish();
      }
    };
  }

  private static boolean hasOnly(ObjectNode node, List<String> header) {
    int present = 0;
    for (String key : header) {
      JsonNode value = node.get(key);
      if (value != null) {
        present++;
      }
    }
    return present == node.size();
  }

  private static String extraKey(ObjectNode node, List<String> header) {
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!header.contains(key)) {
        return "'" + key + "'";
      }
    }
    return "?";
  }
}
