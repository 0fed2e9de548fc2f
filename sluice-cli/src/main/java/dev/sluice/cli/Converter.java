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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The pipelines of {@code convert}: reading, decoding and parsing run on one thread; filtering,
 * masking, encoding and writing on the caller's. Rows cross in chunks of {@value #CHUNK}, at most
 * {@value #CHUNKS} chunks ahead.
 */
final class Converter {
  static final int CHUNK = 256;
  static final int CHUNKS = 4;

  private final Rules rules;
  private final long limit;
  private final CsvWriteSettings csvOut;
  private final Counters counters;

  Converter(Rules rules, long limit, CsvWriteSettings csvOut, Counters counters) {
    this.rules = rules;
    this.limit = limit;
    this.csvOut = csvOut;
    this.counters = counters;
  }

  /** Converts {@code in} to {@code out} and returns the number of rows written. */
  long run(Input in, Format from, Output out, Format to) {
    Input counted = in.counting(counters.bytesRead);
    if (from == Format.CSV) {
      AtomicReference<List<String>> header = new AtomicReference<>();
      Sink<CsvRow> sink =
          to == Format.CSV ? CsvOutput.rows(Csv.sink(out, csvOut), header::get) : jsonSink(out);
      return write(
          Csv.read(counted, CsvSettings.defaults(), header::set),
          rows -> limit(rules.isEmpty() ? rows : rows.via(rules.csv())),
          sink);
    }
    long[] record = {0};
    Pipe<ObjectNode> objects =
        JsonLines.read(counted, JsonNode.class, JsonSettings.defaults())
            .map(node -> object(node, in.name(), ++record[0]));
    Sink<ObjectNode> sink =
        to == Format.CSV ? CsvOutput.objects(Csv.sink(out, csvOut), in.name()) : jsonSink(out);
    return write(objects, rows -> limit(rows.filter(rules::keep)).map(rules::apply), sink);
  }

  private <T> Pipe<T> limit(Pipe<T> rows) {
    return limit >= 0 ? rows.take(limit) : rows;
  }

  /**
   * Parses on a thread of its own and hands the rows over in chunks; {@code rules} (filter, mask,
   * limit) and the sink run on the caller's thread. Measured on two cores, parsing is the heavier
   * side, so everything that can run after the hand-off does.
   */
  private <T> long write(Pipe<T> parsed, UnaryOperator<Pipe<T>> rules, Sink<T> sink) {
    AtomicLong written = counters.rows;
    Pipe<T> handed = parsed.batch(CHUNK).buffer(CHUNKS).flatMap(Pipe::from);
    return rules
        .apply(handed)
        .peek(row -> written.lazySet(written.get() + 1)) // one writer: no read-modify-write
        .into(sink);
  }

  @SuppressWarnings("unchecked")
  private static <T> Sink<T> jsonSink(Output out) {
    return (Sink<T>) JsonLines.sink(out, JsonText.WRITER);
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
