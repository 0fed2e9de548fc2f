package dev.sluice.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.sluice.io.CsvRow;
import java.io.IOException;
import java.util.List;

/**
 * Writes {@link CsvRow}s as JSON objects straight to a generator, with the header's names encoded
 * once per header rather than once per row.
 */
final class CsvRowWriter {
  private final JsonGenerator generator;
  private List<String> header;
  private SerializableString[] names;

  CsvRowWriter(JsonGenerator generator) {
    this.generator = generator;
  }

  void write(CsvRow row) throws IOException {
    List<String> h = row.header();
    if (h != header) {
      header = h;
      names = new SerializableString[h.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = new SerializedString(h.get(i));
      }
    }
    generator.writeStartObject();
    for (int i = 0, n = row.size(); i < n; i++) {
      generator.writeFieldName(names[i]);
      generator.writeString(row.get(i));
    }
    generator.writeEndObject();
  }
}
