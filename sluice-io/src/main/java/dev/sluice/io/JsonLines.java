package dev.sluice.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.Row;
import dev.sluice.Sink;
import dev.sluice.Stage;
import dev.sluice.io.internal.JsonCodec;
import dev.sluice.io.internal.JsonRows;
import dev.sluice.io.internal.LineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * JSON Lines on Jackson: one JSON value per line. Each line is cut by the bounded line reader and
 * parsed alone, so a broken line fails with an error naming its line and nothing can read past it.
 * Blank lines are skipped. Records and other classes are bound by Jackson, which needs reflective
 * access to them (their package open to {@code com.fasterxml.jackson.databind}).
 *
 * <pre>{@code
 * JsonLines.read(Input.file(Path.of("events.jsonl.gz")), JsonSettings.defaults())
 *     .filter(e -> e.path("level").asText().equals("error"))
 *     .into(JsonLines.sink(Output.file(Path.of("errors.jsonl"))));
 * }</pre>
 */
public final class JsonLines {
  private JsonLines() {}

  /** The values of a JSON Lines file as trees, with {@link JsonSettings#defaults()}. */
  public static Pipe<JsonNode> read(Path path) {
    return read(Input.file(path), JsonSettings.defaults());
  }

  /** The values of a JSON Lines input as trees. */
  public static Pipe<JsonNode> read(Input input, JsonSettings settings) {
    return read(input, JsonNode.class, settings);
  }

  /**
   * The values of a JSON Lines input bound to {@code type} ({@code JsonNode}, {@code Map}, a
   * record, …). A line that is not one valid value of that type, or that breaks a limit, fails the
   * run with a {@link BadInputException} naming the line (and the setting, for a limit).
   */
  public static <T> Pipe<T> read(Input input, Class<T> type, JsonSettings settings) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(settings, "settings");
    return Pipe.generate(
        Input.label("json lines", input),
        out -> {
          JsonCodec codec = new JsonCodec(settings);
          LineSettings lines = LineSettings.defaults().withMaxLineLength(settings.maxLineLength());
          try (InputStream in = input.open()) {
            LineSplitter splitter = Lines.splitter(in, input.name(), lines);
            for (String line; (line = splitter.next()) != null; ) {
              if (!line.isBlank()) {
                out.emit(codec.parse(line, type, input.name(), splitter.line()));
              }
            }
          }
        });
  }

  /**
   * The objects of a JSON Lines input as {@link Row}s, keys in each object's order: strings,
   * booleans, integers ({@code Long}, or {@code BigInteger} past its range), decimals ({@code
   * BigDecimal}, as written: {@code 1.50} stays {@code 1.50}) and null as such; a nested array or
   * object as a {@link JsonNode}. A line that is not an object fails the run with a {@link
   * BadInputException} naming the line.
   */
  public static Pipe<Row> rows(Input input, JsonSettings settings) {
    return rows(input, settings, null);
  }

  /**
   * Like {@link #rows(Input, JsonSettings)}, but a line that is not valid JSON or not an object
   * goes to {@code badLine} (on the reading thread) and the run goes on; a failure of {@code
   * badLine} fails the run. A line past {@link JsonSettings#maxLineLength()} still fails it.
   */
  public static Pipe<Row> rows(
      Input input, JsonSettings settings, CheckedConsumer<? super BadInputException> badLine) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(settings, "settings");
    return Pipe.generate(
        Input.label("json lines", input),
        out -> {
          JsonCodec codec = new JsonCodec(settings);
          JsonRows rows = new JsonRows(input.name());
          LineSettings lines = LineSettings.defaults().withMaxLineLength(settings.maxLineLength());
          try (InputStream in = input.open()) {
            LineSplitter splitter = Lines.splitter(in, input.name(), lines);
            for (String line; (line = splitter.next()) != null; ) {
              if (!line.isBlank()) {
                long at = splitter.line();
                Row row;
                try {
                  row = rows.row(codec.parse(line, JsonNode.class, input.name(), at), at);
                } catch (BadInputException bad) {
                  if (badLine == null) {
                    throw bad;
                  }
                  badLine.accept(bad);
                  continue;
                }
                out.emit(row);
              }
            }
          }
        });
  }

  /**
   * A sink writing each element as one line of compact JSON: records, maps, lists, {@code
   * JsonNode}s, {@link Row}s (an object of its values in column order: a {@link CsvRow}'s as
   * strings, other rows' typed as {@link #rows} reads them, values JSON has no type for as their
   * {@link Row#textOf text}), strings and numbers.
   */
  public static Sink<Object> sink(Output output) {
    return sink(output, new ObjectMapper());
  }

  /**
   * Like {@link #sink(Output)}, serialising with (a copy of) {@code mapper}: its modules, features
   * and naming strategy apply; {@link CsvRow}s are always written as objects of strings.
   */
  public static Sink<Object> sink(Output output, ObjectMapper mapper) {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(mapper, "mapper");
    return output.sink(out -> JsonCodec.encoder(out, mapper));
  }

  /**
   * An encoder writing {@link Row}s as JSON Lines to {@code out} (not closed): one object per row,
   * its values typed as {@link #sink(Output)} says. The one JSON Lines writer of every command.
   */
  @SuppressWarnings("unchecked")
  public static Encoder<Row> rowEncoder(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    // an encoder of any object is an encoder of rows
    return (Encoder<Row>) (Encoder<?>) JsonCodec.encoder(out, new ObjectMapper());
  }

  /** {@link #rowEncoder} for any element, for writers typed on {@code Object}. */
  static Encoder<Object> rowEncoderOfAny(OutputStream out) throws IOException {
    return JsonCodec.encoder(out, new ObjectMapper());
  }

  /**
   * JSON objects as {@link Row}s, typed as {@link #rows(Input, JsonSettings)} reads them: for the
   * items of a paginated API on their way to a CSV file or a table. A decimal stays as its node
   * holds it (parse with {@code USE_BIG_DECIMAL_FOR_FLOATS} to keep it as written). Anything but an
   * object fails the run with a {@link BadInputException} naming {@code input} and the element's
   * number (from 1) as its record.
   */
  public static Stage<JsonNode, Row> toRows(String input) {
    Objects.requireNonNull(input, "input");
    return () -> {
      JsonRows rows = new JsonRows(input);
      long[] at = {0};
      return (node, out) -> {
        out.emit(rows.row(node, ++at[0]));
        return true;
      };
    };
  }

  /** A sink writing {@link Row}s with {@link #rowEncoder}. */
  public static Sink<Row> rowSink(Output output) {
    Objects.requireNonNull(output, "output");
    return output.sink(JsonLines::rowEncoder);
  }

  /**
   * The encoder of {@link #sink(Output, ObjectMapper)} over {@code out} (not closed): for callers
   * that frame their own output, such as a resumable file written a chunk at a time.
   */
  public static Encoder<Object> encoder(OutputStream out, ObjectMapper mapper) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(mapper, "mapper");
    return JsonCodec.encoder(out, mapper);
  }
}
