package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Pipe;
import dev.sluice.Sink;
import dev.sluice.io.BadInputException;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.JsonSettings;
import dev.sluice.io.Output;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipelines of {@code convert}. Reading, parsing, filtering and masking run on one thread;
 * encoding and writing on the caller's, with a {@code buffer} of {@value #BUFFER} rows between
 * them.
 */
final class Converter {
  static final int BUFFER = 1024;

  private final Rules rules;
  private final long limit;
  private final CsvWriteSettings csvOut;
  private final Counters counters;

  Converter(Rules rules, long limit, boolean formulaGuard, Counters counters) {
    this.rules = rules;
    this.limit = limit;
    this.csvOut = CsvWriteSettings.defaults().withFormulaGuard(formulaGuard);
    this.counters = counters;
  }

  /** Converts {@code in} to {@code out} and returns the number of rows written. */
  long run(Input in, Format from, Output out, Format to) {
    boolean fromFile = in.size() >= 0;
    Input counted = in.counting(counters.bytesRead);
    if (from == Format.CSV) {
      CsvSettings settings = CsvSettings.defaults().withDecodeAhead(fromFile);
      Pipe<CsvRow> rows = Csv.read(counted, settings);
      if (!rules.isEmpty()) {
        rows = rows.via(rules.csv());
      }
      if (limit >= 0) {
        rows = rows.take(limit);
      }
      Sink<CsvRow> sink = to == Format.CSV ? CsvOutput.rows(Csv.sink(out, csvOut)) : jsonSink(out);
      return write(rows, sink);
    }
    long[] record = {0};
    Pipe<ObjectNode> objects =
        JsonLines.read(counted, JsonNode.class, JsonSettings.defaults())
            .map(node -> object(node, in.name(), ++record[0]))
            .filter(rules::keep);
    if (limit >= 0) {
      objects = objects.take(limit);
    }
    objects = objects.map(rules::apply);
    Sink<ObjectNode> sink =
        to == Format.CSV ? CsvOutput.objects(Csv.sink(out, csvOut), in.name()) : jsonSink(out);
    return write(objects, sink);
  }

  private <T> long write(Pipe<T> rows, Sink<T> sink) {
    AtomicLong written = counters.rows;
    return rows.buffer(BUFFER)
        .peek(row -> written.lazySet(written.get() + 1)) // one writer: no read-modify-write
        .into(sink);
  }

  @SuppressWarnings("unchecked")
  private static <T> Sink<T> jsonSink(Output out) {
    return (Sink<T>) JsonLines.sink(out);
  }

  private static ObjectNode object(JsonNode node, String input, long record) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new BadInputException(
        input,
        -1,
        "record " + record + " is a JSON " + node.getNodeType() + ", not an object",
        null,
        null);
  }
}
