package dev.sluice.io;

import dev.sluice.Pipe;
import dev.sluice.Sink;
import dev.sluice.io.internal.DecodingReader;
import dev.sluice.io.internal.LineSplitter;
import dev.sluice.io.internal.TextEncoders;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Text lines: a bounded line reader (never {@code BufferedReader.readLine()}, which holds a line of
 * any length) and a line sink.
 *
 * <pre>{@code
 * long errors = Lines.read(Path.of("app.log.gz")).filter(l -> l.contains("ERROR")).count();
 * }</pre>
 */
public final class Lines {
  private Lines() {}

  /** The lines of a file, with {@link LineSettings#defaults()}. */
  public static Pipe<String> read(Path path) {
    return read(Input.file(path), LineSettings.defaults());
  }

  /**
   * The lines of an input, without their line ends. Each run opens the input and closes it at the
   * end; a gzip input is decompressed. A line longer than {@link LineSettings#maxLineLength()} or a
   * malformed byte (under {@link MalformedInput#REPORT}) fails the run with a {@link
   * BadInputException} naming the line.
   */
  public static Pipe<String> read(Input input, LineSettings settings) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(settings, "settings");
    return Pipe.generate(
        Input.label("lines", input),
        out -> {
          try (InputStream in = input.open()) {
            LineSplitter lines = splitter(in, input.name(), settings);
            for (String line; (line = lines.next()) != null; ) {
              out.emit(line);
            }
          }
        });
  }

  /** A sink writing each element as a line ended by LF, in UTF-8. */
  public static Sink<String> sink(Output output) {
    return sink(output, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A sink writing each element as a line ended by LF, in {@code charset}. */
  public static Sink<String> sink(Output output, Charset charset) {
    Objects.requireNonNull(charset, "charset");
    return Objects.requireNonNull(output, "output").sink(out -> TextEncoders.lines(out, charset));
  }

  static LineSplitter splitter(InputStream in, String name, LineSettings settings) {
    return new LineSplitter(
        new DecodingReader(in, settings.charset(), settings.malformed()),
        settings.delimiter(),
        settings.maxLineLength(),
        name);
  }
}
