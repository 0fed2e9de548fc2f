package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Sink;
import dev.sluice.io.BadInputException;
import dev.sluice.io.CsvRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/** Sinks that put a header first: CSV rows as they are, JSON objects by their first keys. */
final class CsvOutput {
  private CsvOutput() {}

  /**
   * Writes the header of the first row, then each row's fields. When no row came, writes the header
   * {@code header} supplies at commit, if any (the header of a header-only input).
   */
  static Sink<CsvRow> rows(Sink<List<String>> csv, Supplier<List<String>> header) {
    return () -> {
      Sink.Writer<List<String>> writer = csv.open();
      return new Forwarding<CsvRow>(writer) {
        private boolean started;

        @Override
        public void write(CsvRow row) throws Exception {
          if (!started) {
            writer.write(row.header());
            started = true;
          }
          writer.write(row.fields());
        }

        @Override
        public void commit() throws Exception {
          List<String> names = started ? null : header.get();
          if (names != null) {
            writer.write(names);
          }
          super.commit();
        }
      };
    };
  }

  /**
   * Writes the keys of the first object as the header, then each object's values in header order; a
   * later object with a key not in the header fails with bad input naming the record.
   */
  static Sink<ObjectNode> objects(Sink<List<String>> csv, String input) {
    return () -> {
      Sink.Writer<List<String>> writer = csv.open();
      return new Forwarding<ObjectNode>(writer) {
        private List<String> header;
        private long record;

        @Override
        public void write(ObjectNode node) throws Exception {
          record++;
          if (header == null) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            header = List.copyOf(keys);
            writer.write(header);
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
          writer.write(cells);
        }
      };
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

  /** A writer that forwards commit and abort. */
  private abstract static class Forwarding<T> implements Sink.Writer<T> {
    private final Sink.Writer<List<String>> target;

    Forwarding(Sink.Writer<List<String>> target) {
      this.target = target;
    }

    @Override
    public void commit() throws Exception {
      target.commit();
    }

    @Override
    public void abort(Throwable cause) throws Exception {
      target.abort(cause);
    }
  }
}
