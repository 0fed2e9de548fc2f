package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline of {@code bench/etl.sh}: CSV to JSON Lines with the e-mail column masked, as a plain
 * loop on FastCSV and Jackson on one thread, with no pipeline around it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sluice.bench.HandLoopEtl IN.csv OUT.jsonl [COLUMN]}
 */
public final class HandLoopEtl {
  private HandLoopEtl() {}

  /** Converts args[0] to args[1], masking column args[2] (default: email). */
  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String column = args.length > 2 ? args[2] : "email";
    long start = System.nanoTime();
    long rows = 0;
    JsonFactory json = new JsonFactory();
    json.setRootValueSeparator(null);
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8);
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        JsonGenerator gen = json.createGenerator(os, JsonEncoding.UTF8)) {
      List<String> header = null;
      int masked = -1;
      for (CsvRecord record : reader) {
        if (header == null) {
          header = record.getFields();
          masked = header.indexOf(column);
          continue;
        }
        gen.writeStartObject();
        for (int i = 0; i < header.size(); i++) {
          String value = record.getField(i);
          gen.writeStringField(header.get(i), i == masked ? mask(value) : value);
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
        rows++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        "hand loop: %d rows, %.1f MB in %.2f s, %.1f MB/s%n",
        rows, Files.size(in) / 1048576.0, seconds, Files.size(in) / 1048576.0 / seconds);
  }

  private static String mask(String value) {
    int at = value.lastIndexOf('@');
    if (value.isEmpty()) {
      return value;
    }
    return at < 0
        ? "***"
        : value.substring(0, at == 0 ? 0 : Character.charCount(value.codePointAt(0)))
            + "***"
            + value.substring(at);
  }
}
