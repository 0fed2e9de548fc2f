package dev.sluice.io;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.sluice.CheckedConsumer;
import dev.sluice.Columns;
import dev.sluice.Emitter;
import dev.sluice.Generator;
import dev.sluice.io.internal.CsvErrors;
import dev.sluice.io.internal.DecodingReader;
import dev.sluice.io.internal.ReadAheadReader;
import java.io.InputStream;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;

/** The generator behind {@link Csv#read(Input, CsvSettings)}: header first, then one row each. */
final class CsvSource implements Generator<CsvRow> {
  private final Input input;
  private final CsvSettings settings;
  private final CheckedConsumer<? super List<String>> onHeader;

  /** Where records of the wrong width go, or null to fail the run. */
  private final CheckedConsumer<? super BadInputException> badRecord;

  CsvSource(
      Input input,
      CsvSettings settings,
      CheckedConsumer<? super List<String>> onHeader,
      CheckedConsumer<? super BadInputException> badRecord) {
    this.badRecord = badRecord;
    this.input = input;
    this.settings = settings;
    this.onHeader = onHeader;
  }

  @Override
  public void generate(Emitter<CsvRow> out) throws Exception {
    CsvRowHandler handler = new CsvRowHandler(input.name(), settings);
    try (InputStream in = input.open();
        CsvReader<CsvRow> reader = reader(in, handler)) {
      Iterator<CsvRow> records = reader.iterator();
      long lastLine = 0;
      try {
        if (!records.hasNext()) {
          return;
        }
        CsvRow first = records.next();
        lastLine = first.line();
        Columns header = header(first, settings, input.name());
        handler.header = header;
        onHeader.accept(header.names());
        while (true) {
          CsvRow row;
          try {
            if (!records.hasNext()) {
              break;
            }
            row = records.next();
          } catch (RuntimeException e) {
            if (badRecord == null || !isWidthMismatch(e)) {
              throw e;
            }
            badRecord.accept((BadInputException) CsvErrors.translate(e, input.name(), lastLine));
            continue;
          }
          lastLine = row.line();
          out.emit(row);
        }
      } catch (RuntimeException e) {
        throw CsvErrors.translate(e, input.name(), lastLine);
      }
    }
  }

  /** The columns of header record {@code first}, checked for duplicates as {@code settings} say. */
  static Columns header(CsvRow first, CsvSettings settings, String input) {
    Columns header = Columns.of(first.fields());
    if (header.hasDuplicates() && !settings.allowDuplicateHeader()) {
      throw new BadInputException(
          input,
          first.line(),
          "duplicate column name in header " + header.names(),
          "allowDuplicateHeader",
          null);
    }
    return header;
  }

  /**
   * FastCSV's error for a record with more or fewer fields than the first, after which it goes on.
   */
  static boolean isWidthMismatch(RuntimeException e) {
    String m = e.getMessage();
    return e.getClass().getName().startsWith("de.siegmar.fastcsv")
        && m != null
        && m.contains("fields, but first record had");
  }

  private CsvReader<CsvRow> reader(InputStream in, CsvRowHandler handler) {
    Reader decoder = new DecodingReader(in, settings.charset(), settings.malformed());
    return parser(
        settings,
        handler,
        settings.decodeAhead()
            ? new ReadAheadReader(decoder, CsvSettings.DECODE_AHEAD_BLOCKS)
            : decoder);
  }

  /**
   * FastCSV's reader of {@code text} as {@code settings} say, building rows with {@code handler}.
   */
  static CsvReader<CsvRow> parser(CsvSettings settings, CsvRowHandler handler, Reader text) {
    boolean lenient = settings.lenient();
    return CsvReader.builder()
        .fieldSeparator(settings.fieldSeparator())
        .quoteCharacter(settings.quoteCharacter())
        .skipEmptyLines(true)
        .extraFieldStrategy(lenient ? FieldMismatchStrategy.IGNORE : FieldMismatchStrategy.STRICT)
        .missingFieldStrategy(lenient ? FieldMismatchStrategy.IGNORE : FieldMismatchStrategy.STRICT)
        .allowUnclosedQuote(lenient)
        .maxBufferSize(settings.maxBufferSize())
        .build(handler, text);
  }
}
