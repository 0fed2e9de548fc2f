package dev.sluice.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Pipe;
import dev.sluice.Sink;
import dev.sluice.io.internal.JsonCodec;
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
   * A sink writing each element as one line of compact JSON: records, maps, lists, {@code
   * JsonNode}s, {@link CsvRow}s (an object of its fields in header order), strings and numbers.
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
   * The encoder of {@link #sink(Output, ObjectMapper)} over {@code out} (not closed): for callers
   * that frame their own output, such as a resumable file written a chunk at a time.
   */
  public static Encoder<Object> encoder(OutputStream out, ObjectMapper mapper) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(mapper, "mapper");
    return JsonCodec.encoder(out, mapper);
  }
}
