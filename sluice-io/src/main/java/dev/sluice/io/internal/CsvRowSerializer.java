package dev.sluice.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.sluice.io.CsvRow;
import java.io.IOException;
import java.util.List;

/** Writes a {@link CsvRow} as a JSON object of string values, keys in header order. */
final class CsvRowSerializer extends StdSerializer<CsvRow> {
  private static final long serialVersionUID = 1L;

  CsvRowSerializer() {
    super(CsvRow.class);
  }

  @Override
  public void serialize(CsvRow row, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    List<String> header = row.header();
    gen.writeStartObject();
    for (int i = 0, n = row.size(); i < n; i++) {
      gen.writeStringField(header.get(i), row.get(i));
    }
    gen.writeEndObject();
  }
}
