package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.Row;
import dev.sluice.Sink;
import dev.sluice.io.internal.CsvEncoder;
import dev.sluice.io.internal.CsvRowEncoder;
import dev.sluice.io.internal.RecordMapper;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * CSV on FastCSV: rows by header name, rows mapped to records, and sinks that write RFC 4180 with a
 * formula-injection guard. The first record of an input is its header.
 *
 * <pre>{@code
 * record User(long id, String email) {}
 *
 * Csv.read(Input.file(Path.of("users.csv")), User.class, CsvSettings.defaults())
 *     .filter(u -> u.id() > 100)
 *     .into(Csv.sink(Output.file(Path.of("out.csv")), User.class, CsvWriteSettings.defaults()));
 * }</pre>
 */
public final class Csv {
  private Csv() {}

  /** The rows of a CSV file, with {@link CsvSettings#defaults()}. */
  public static Pipe<CsvRow> read(Path path) {
    return read(Input.file(path), CsvSettings.defaults());
  }

  /**
   * The rows of a CSV input after its header. Each run opens the input and closes it when the run
   * ends. An empty input has no header and no rows; a header-only input has no rows. Malformed
   * input fails the run with a {@link BadInputException} naming the line.
   */
  public static Pipe<CsvRow> read(Input input, CsvSettings settings) {
    return read(input, settings, names -> {});
  }

  /**
   * Like {@link #read(Input, CsvSettings)}, and hands each run's column names to {@code header}
   * before the first row, also when no row follows: for a consumer that needs the header of a
   * header-only input (to write it out again, say). Not called for an empty input. Runs on the
   * thread that reads the input; a failure of {@code header} fails the run.
   */
  public static Pipe<CsvRow> read(
      Input input, CsvSettings settings, CheckedConsumer<? super List<String>> header) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(header, "header");
    return Pipe.generate(Input.label("csv", input), new CsvSource(input, settings, header, null));
  }

  /**
   * The rows of a CSV input after its header as {@link Row}s (each a {@link CsvRow}): the row model
   * every format shares, for stages and writers that take rows from any reader.
   */
  public static Pipe<Row> rows(Input input, CsvSettings settings) {
    return rows(input, settings, names -> {});
  }

  /**
   * Like {@link #rows(Input, CsvSettings)}, handing each run's column names to {@code header} first
   * as {@link #read(Input, CsvSettings, CheckedConsumer)} does.
   */
  public static Pipe<Row> rows(
      Input input, CsvSettings settings, CheckedConsumer<? super List<String>> header) {
    return rows(input, settings, header, null);
  }

  /**
   * Like {@link #rows(Input, CsvSettings, CheckedConsumer)}, but a record with another number of
   * fields than the header goes to {@code badRecord} (on the reading thread, as a {@link
   * BadInputException} naming its line) and the run goes on; a failure of {@code badRecord} fails
   * the run. Other malformed input still fails it: after a broken quote, say, the records that
   * follow cannot be told apart.
   */
  @SuppressWarnings("unchecked")
  public static Pipe<Row> rows(
      Input input,
      CsvSettings settings,
      CheckedConsumer<? super List<String>> header,
      CheckedConsumer<? super BadInputException> badRecord) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(header, "header");
    // a Pipe only hands out its elements, so a pipe of CsvRows is a pipe of Rows
    return (Pipe<Row>)
        (Pipe<? extends Row>)
            Pipe.generate(
                Input.label("csv", input), new CsvSource(input, settings, header, badRecord));
  }

  /**
   * The rows of a CSV input as records of {@code type}, each component filled from the column of
   * the same name (strings, numbers, booleans, enums, UUIDs, dates; an empty field is null for
   * boxed types). A missing column or a value that does not convert fails the run with a {@link
   * BadInputException}.
   */
  public static <R extends Record> Pipe<R> read(Input input, Class<R> type, CsvSettings settings) {
    Objects.requireNonNull(type, "type");
    if (!type.isRecord()) {
      throw new IllegalArgumentException("type must be a record class, was " + type.getName());
    }
    return Pipe.using(
        () -> new MapperHolder<R>(),
        holder ->
            read(input, settings)
                .map(
                    row -> {
                      try {
                        return holder.mapper(type, row).map(row.fields());
                      } catch (IllegalArgumentException e) {
                        throw new BadInputException(
                            input.name(), row.line(), e.getMessage(), null, e);
                      }
                    }));
  }

  /** A sink writing each list of strings as one record (the header is whatever comes first). */
  public static Sink<List<String>> sink(Output output, CsvWriteSettings settings) {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(settings, "settings");
    return output.sink(out -> new CsvEncoder(out, settings));
  }

  /**
   * An encoder writing each list of strings as one CSV record to {@code out} (not closed; {@link
   * Encoder#finish} flushes it): the encoder of every CSV sink, for callers that frame their own
   * output, such as a resumable file written a chunk at a time.
   */
  public static Encoder<List<String>> encoder(OutputStream out, CsvWriteSettings settings) {
    return new CsvEncoder(Objects.requireNonNull(out, "out"), settings);
  }

  /**
   * An encoder writing {@link Row}s as CSV to {@code out} (not closed): the header of the first
   * row's columns, then each row's values as {@link Row#textOf text} in that order, a null as the
   * settings' null text. A later row with other columns is written by name (a missing column as
   * null); a column the header lacks fails with a {@link BadInputException} naming the row's line.
   * The one CSV writer of every command: same quoting, line ends and formula guard.
   */
  public static Encoder<Row> rowEncoder(OutputStream out, CsvWriteSettings settings) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(settings, "settings");
    return new CsvRowEncoder(out, settings, null, true);
  }

  /**
   * Like {@link #rowEncoder(OutputStream, CsvWriteSettings)}, and when no row came, {@link
   * Encoder#finish} writes the header {@code headerIfEmpty} then gives, if not null: for the output
   * of a header-only input, whose header is known only once the input was read.
   */
  public static Encoder<Row> rowEncoder(
      OutputStream out, CsvWriteSettings settings, Supplier<List<String>> headerIfEmpty) {
    Objects.requireNonNull(headerIfEmpty, "headerIfEmpty");
    return new CsvRowEncoder(
            Objects.requireNonNull(out, "out"),
            Objects.requireNonNull(settings, "settings"),
            null,
            true)
        .headerIfEmpty(headerIfEmpty);
  }

  /**
   * Like {@link #rowEncoder(OutputStream, CsvWriteSettings)} with the header fixed to {@code
   * columns}, written (when {@code writeHeader}) before the first row or at the end when no row
   * came; {@code writeHeader} false is for an output that already holds it (a resumed file).
   */
  public static Encoder<Row> rowEncoder(
      OutputStream out, CsvWriteSettings settings, List<String> columns, boolean writeHeader) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(columns, "columns");
    return new CsvRowEncoder(out, settings, columns, writeHeader);
  }

  /** A sink writing {@link Row}s with {@link #rowEncoder(OutputStream, CsvWriteSettings)}. */
  public static Sink<Row> rowSink(Output output, CsvWriteSettings settings) {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(settings, "settings");
    return output.sink(out -> new CsvRowEncoder(out, settings, null, true));
  }

  /** A sink writing a header of the component names of {@code type}, then one row per record. */
  public static <R extends Record> Sink<R> sink(
      Output output, Class<R> type, CsvWriteSettings settings) {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(settings, "settings");
    RecordComponent[] components = Objects.requireNonNull(type, "type").getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException("type must be a record class, was " + type.getName());
    }
    List<String> header = Arrays.stream(components).map(RecordComponent::getName).toList();
    return output.sink(
        out -> {
          CsvEncoder csv = new CsvEncoder(out, settings);
          csv.write(header);
          return new Encoder<R>() {
            @Override
            public void write(R item) throws java.io.IOException {
              List<String> cells = new ArrayList<>(components.length);
              for (RecordComponent c : components) {
                Object value = valueOf(c, item);
                cells.add(value == null ? null : value.toString());
              }
              csv.write(cells);
            }

            @Override
            public void flush() throws java.io.IOException {
              csv.flush();
            }
          };
        });
  }

  private static Object valueOf(RecordComponent component, Record item) {
    try {
      return component.getAccessor().invoke(item);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + ": " + e, e);
    }
  }

  /** The per-run record mapper, built from the first row's header. */
  private static final class MapperHolder<R extends Record> implements AutoCloseable {
    private final AtomicReference<RecordMapper<R>> mapper = new AtomicReference<>();

    RecordMapper<R> mapper(Class<R> type, CsvRow row) {
      RecordMapper<R> m = mapper.get();
      if (m == null) {
        m = RecordMapper.of(type, row.header());
        mapper.set(m);
      }
      return m;
    }

    @Override
    public void close() {}
  }
}
