package dev.sluice.io;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.sluice.CheckedConsumer;
import dev.sluice.CheckedFunction;
import dev.sluice.Columns;
import dev.sluice.Emitter;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.internal.CsvErrors;
import dev.sluice.io.internal.DecodingReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Parses, passes through a stage and encodes the records of one chunk of a CSV file, for {@link
 * ParallelCsv}. The parser reads the file's header bytes first and then the chunk, so it checks
 * each record's width against the header exactly as a reader of the whole file does; its line
 * numbers are shifted by what the caller says precedes the chunk (nothing, when a guess is parsed
 * before anyone knows). Thread-safe: each call has its own parser, stage run and encoder.
 */
final class CsvChunkParser {
  /** The header of the file: its bytes (BOM included), columns, line breaks, and record's line. */
  record Header(byte[] bytes, Columns columns, long lines, long line) {}

  /**
   * What parsing one chunk did: the rows written, the line breaks in the chunk, the line of its
   * last record (the line before it if it has none), and the records read (before rules; not
   * counting bad ones).
   */
  record Done(long rows, long lines, long lastLine, long records) {}

  private final String input;
  private final CsvSettings settings;
  private final Header header;
  private final Stage<Row, Row> stage;
  private final CheckedFunction<OutputStream, Encoder<Row>> encoder;

  CsvChunkParser(
      String input,
      CsvSettings settings,
      Header header,
      Stage<Row, Row> stage,
      CheckedFunction<OutputStream, Encoder<Row>> encoder) {
    this.input = input;
    this.settings = settings;
    this.header = header;
    this.stage = stage;
    this.encoder = encoder;
  }

  /**
   * The header record in {@code bytes}, the start of the file up to the end of the header's line;
   * bad input there fails as {@link Csv#rows} fails on it.
   */
  static Header header(byte[] bytes, CsvSettings settings, String input) throws IOException {
    CsvRowHandler handler = new CsvRowHandler(input, settings);
    DecodingReader text =
        new DecodingReader(
            new ByteArrayInputStream(bytes), settings.charset(), settings.malformed());
    try (CsvReader<CsvRow> reader = CsvSource.parser(settings, handler, text)) {
      Iterator<CsvRow> records = reader.iterator();
      CsvRow first = records.next();
      Columns columns = CsvSource.header(first, settings, input);
      if (records.hasNext()) {
        throw new IllegalStateException("the header's line holds another record");
      }
      return new Header(bytes, columns, handler.lastBegin - 1, first.line());
    } catch (RuntimeException e) {
      throw CsvErrors.translate(e, input, 0);
    }
  }

  /**
   * Parses {@code chunk}, whose first byte is at offset {@code start} of the file, into {@code out}
   * (flushed, not closed). Line numbers are the chunk's plus {@code linesBefore}, the line breaks
   * before it; {@code lastLine} is the line of the record before the chunk. Bad input fails with a
   * {@link BadInputException} after the rows before it were written, unless it is a record of the
   * wrong width and {@code badRecord} is not null: then it goes there. Stops after {@code maxRows}
   * rows written.
   */
  Done parse(
      InputStream chunk,
      long start,
      long linesBefore,
      long lastLine,
      OutputStream out,
      CheckedConsumer<? super BadInputException> badRecord,
      long maxRows)
      throws Exception {
    Encoder<Row> rows = encoder.apply(out);
    Counting emitter = new Counting(rows, maxRows);
    Stage.Integrator<Row, Row> rules = stage.start();
    Done read;
    try {
      read =
          records(
              input,
              settings,
              header,
              chunk,
              start,
              linesBefore,
              lastLine,
              badRecord,
              row -> rules.push(row, emitter) && emitter.count < maxRows);
      if (emitter.count < maxRows) {
        rules.finish(emitter);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    rows.flush();
    return new Done(emitter.count, read.lines(), read.lastLine(), read.records());
  }

  /** What {@link #records} hands each record to. */
  @FunctionalInterface
  interface Records {
    /**
     * Takes the next record and says whether to go on; may throw anything, which ends the parse.
     */
    boolean accept(CsvRow row) throws Exception;
  }

  /**
   * Parses {@code chunk} of {@code input} (first byte at offset {@code start}, line numbers shifted
   * by {@code linesBefore}, {@code lastLine} the line of the record before it) after the file's
   * {@code header}, handing each record to {@code each}, and records of the wrong width to {@code
   * badRecord} (if not null; else they fail the parse). Parser errors are {@link
   * BadInputException}s naming the line; what {@code each} throws passes untouched. The rows and
   * records of the result are the records handed to {@code each}, which can stop the parse.
   */
  static Done records(
      String input,
      CsvSettings settings,
      Header header,
      InputStream chunk,
      long start,
      long linesBefore,
      long lastLine,
      CheckedConsumer<? super BadInputException> badRecord,
      Records each)
      throws Exception {
    CsvRowHandler handler = new CsvRowHandler(input, settings);
    handler.lineShift = linesBefore - header.lines();
    InputStream text = new SequenceInputStream(new ByteArrayInputStream(header.bytes()), chunk);
    long base = start - header.bytes().length;
    long last = lastLine;
    long count = 0;
    try (CsvReader<CsvRow> reader =
        CsvSource.parser(
            settings,
            handler,
            new DecodingReader(text, settings.charset(), settings.malformed(), base))) {
      Iterator<CsvRow> records = reader.iterator();
      try {
        records.next(); // the header again
        handler.header = header.columns();
      } catch (RuntimeException e) {
        throw CsvErrors.translate(e, input, last, handler.lineShift);
      }
      while (true) {
        CsvRow row;
        try {
          if (!records.hasNext()) {
            break;
          }
          row = records.next();
        } catch (RuntimeException e) {
          RuntimeException bad = CsvErrors.translate(e, input, last, handler.lineShift);
          if (badRecord == null || !CsvSource.isWidthMismatch(e)) {
            throw bad;
          }
          badRecord.accept((BadInputException) bad);
          continue;
        }
        last = row.line();
        count++;
        if (!each.accept(row)) {
          break;
        }
      }
    }
    return new Done(count, handler.lastBegin - 1 - header.lines(), last, count);
  }

  /**
   * Writes each row the stage emits, up to a maximum, counting them; an I/O failure leaves
   * unchecked.
   */
  private static final class Counting implements Emitter<Row> {
    private final Encoder<Row> rows;
    private final long max;
    long count;

    Counting(Encoder<Row> rows, long max) {
      this.rows = rows;
      this.max = max;
    }

    @Override
    public void emit(Row row) {
      if (count >= max) {
        return;
      }
      try {
        rows.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      count++;
    }
  }
}
