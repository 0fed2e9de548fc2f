package dev.sluice.io;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.sluice.Emitter;
import dev.sluice.Generator;
import dev.sluice.io.internal.CsvErrors;
import dev.sluice.io.internal.DecodingReader;
import dev.sluice.io.internal.ReadAheadReader;
import java.io.InputStream;
import java.io.Reader;
import java.util.Iterator;

/** The generator behind {@link Csv#read(Input, CsvSettings)}: header first, then one row each. */
final class CsvSource implements Generator<CsvRow> {
  private final Input input;
  private final CsvSettings settings;

  CsvSource(Input input, CsvSettings settings) {
    this.input = input;
    this.settings = settings;
  }

  @Override
  public void generate(Emitter<CsvRow> out) throws Exception {
    try (InputStream in = input.open();
        CsvReader<CsvRecord> reader = reader(in)) {
      Iterator<CsvRecord> records = reader.iterator();
      long lastLine = 0;
      try {
        if (!records.hasNext()) {
          return;
        }
        CsvRecord first = records.next();
        lastLine = first.getStartingLineNumber();
        CsvHeader header = new CsvHeader(first.getFields());
        if (header.hasDuplicates() && !settings.allowDuplicateHeader()) {
          throw new BadInputException(
              input.name(),
              lastLine,
              "duplicate column name in header " + header.names(),
              "allowDuplicateHeader",
              null);
        }
        while (records.hasNext()) {
          CsvRecord record = records.next();
          lastLine = record.getStartingLineNumber();
          out.emit(CsvHeader.row(header, fieldsOf(record), lastLine));
        }
      } catch (RuntimeException e) {
        throw CsvErrors.translate(e, input.name(), lastLine);
      }
    }
  }

  private static String[] fieldsOf(CsvRecord record) {
    int n = record.getFieldCount();
    String[] fields = new String[n];
    for (int i = 0; i < n; i++) {
      fields[i] = record.getField(i);
    }
    return fields;
  }

  private CsvReader<CsvRecord> reader(InputStream in) {
    CsvRecordHandler handler =
        CsvRecordHandler.builder()
            .maxFields(settings.maxFields())
            .maxFieldSize(settings.maxFieldSize())
            .maxRecordSize(settings.maxRecordSize())
            .build();
    boolean lenient = settings.lenient();
    Reader decoder = new DecodingReader(in, settings.charset(), settings.malformed());
    return CsvReader.builder()
        .fieldSeparator(settings.fieldSeparator())
        .quoteCharacter(settings.quoteCharacter())
        .skipEmptyLines(true)
        .extraFieldStrategy(lenient ? FieldMismatchStrategy.IGNORE : FieldMismatchStrategy.STRICT)
        .missingFieldStrategy(lenient ? FieldMismatchStrategy.IGNORE : FieldMismatchStrategy.STRICT)
        .allowUnclosedQuote(lenient)
        .maxBufferSize(settings.maxBufferSize())
        .build(
            handler,
            settings.decodeAhead()
                ? new ReadAheadReader(decoder, CsvSettings.DECODE_AHEAD_BLOCKS)
                : decoder);
  }
}
