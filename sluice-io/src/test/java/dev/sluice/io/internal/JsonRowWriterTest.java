package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.Input;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JsonRowWriter must write exactly what Jackson's generator writes for the same objects. */
class JsonRowWriterTest {
  private static final JsonFactory JACKSON = new JsonFactory().setRootValueSeparator(null);

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void matchesJacksonOnRandomText(long seed) throws IOException {
    Random random = new Random(seed);
    int columns = 1 + random.nextInt(8);
    List<String> header = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      header.add(text(random, 12));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0, n = random.nextInt(50); r < n; r++) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        row.add(text(random, random.nextInt(10) == 0 ? 40_000 : 30));
      }
      rows.add(row);
    }
    assertThat(ours(header, rows)).isEqualTo(jackson(header, rows));
  }

  /** Rows read from CSV are written from their characters; rows changed by with() mix both. */
  @ParameterizedTest
  @MethodSource("seeds")
  void matchesJacksonOnParsedRows(long seed) throws IOException {
    Random random = new Random(seed);
    int columns = 1 + random.nextInt(8);
    List<List<String>> table = new ArrayList<>();
    for (int r = 0, n = 1 + random.nextInt(50); r < n; r++) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        row.add(
            text(random, random.nextInt(20) == 0 ? 20_000 : 30)
                .replaceAll("[\\uD800-\\uDFFF]", "s"));
      }
      table.add(row);
    }
    for (int i = 0; i < columns; i++) {
      table.get(0).set(i, i + table.get(0).get(i)); // distinct column names
    }
    StringBuilder csv = new StringBuilder();
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        csv.append(i == 0 ? "" : ",")
            .append('"')
            .append(row.get(i).replace("\"", "\"\""))
            .append('"');
      }
      csv.append("\r\n");
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    List<CsvRow> rows =
        Csv.read(Input.stream("t", () -> new ByteArrayInputStream(bytes)), CsvSettings.defaults())
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonRowWriter writer = new JsonRowWriter(out);
    List<List<String>> expected = new ArrayList<>();
    for (CsvRow row : rows) {
      if (random.nextBoolean()) {
        int at = random.nextInt(columns);
        row = row.with(at, text(random, 10));
      }
      if (random.nextBoolean()) {
        row.get(random.nextInt(columns)); // a field made into a string before writing
      }
      writer.write(row);
      expected.add(row.fields());
    }
    writer.flush();
    assertThat(rows).hasSize(table.size() - 1);
    assertThat(out.toByteArray()).isEqualTo(jackson(table.get(0), expected));
  }

  @Test
  void escapesEveryClassOfCharacterLikeJackson() throws IOException {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x900; c++) {
      all.append(c);
    }
    all.append("\ud83d\ude00 \ud83d x\ude00 \u2028\u2029\ufeff\uffff\ud7ff\ue000");
    List<String> header = List.of("k\"\\\n", "é");
    List<List<String>> rows = List.of(List.of(all.toString(), ""), List.of("", "plain"));
    assertThat(new String(ours(header, rows), StandardCharsets.UTF_8))
        .isEqualTo(new String(jackson(header, rows), StandardCharsets.UTF_8));
  }

  @Test
  void aValueLongerThanTheBufferIsWrittenWhole() throws IOException {
    String big = "x\"é€".repeat(100_000);
    List<String> header = List.of("a".repeat(70_000), "b");
    List<List<String>> rows = List.of(List.of(big, "1"), List.of("2", big));
    assertThat(ours(header, rows)).isEqualTo(jackson(header, rows));
  }

  @Test
  void writesCsvRowsWithTheirHeader() throws IOException {
    byte[] csv = "id,name\n1,\"Ann \"\"A\"\"\"\n2,Bo\u00e9\n".getBytes(StandardCharsets.UTF_8);
    List<CsvRow> rows =
        Csv.read(Input.stream("test", () -> new ByteArrayInputStream(csv)), CsvSettings.defaults())
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonRowWriter writer = new JsonRowWriter(out);
    for (CsvRow row : rows) {
      writer.write(row);
    }
    writer.flush();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"1\",\"name\":\"Ann \\\"A\\\"\"}\n{\"id\":\"2\",\"name\":\"Boé\"}\n");
  }

  /** Random text mixing ASCII, escapes, Latin-1, BMP, valid pairs and lone surrogates. */
  private static String text(Random random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(20);
      if (kind < 12) {
        s.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind < 14) {
        s.append((char) random.nextInt(0x20));
      } else if (kind == 14) {
        s.append(random.nextBoolean() ? '"' : '\\');
      } else if (kind == 15) {
        s.append((char) (0x80 + random.nextInt(0x780)));
      } else if (kind == 16) {
        s.append((char) (0x800 + random.nextInt(0xF800)));
      } else if (kind == 17) {
        s.appendCodePoint(0x10000 + random.nextInt(0x100000));
      } else {
        s.append((char) (0xD800 + random.nextInt(0x800)));
      }
    }
    return s.toString();
  }

  private static byte[] ours(List<String> header, List<List<String>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonRowWriter writer = new JsonRowWriter(out);
    for (List<String> row : rows) {
      writer.write(header, row);
    }
    writer.flush();
    return out.toByteArray();
  }

  private static byte[] jackson(List<String> header, List<List<String>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JACKSON.createGenerator(out, JsonEncoding.UTF8)) {
      for (List<String> row : rows) {
        g.writeStartObject();
        for (int i = 0; i < row.size(); i++) {
          g.writeStringField(header.get(i), row.get(i));
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
    return out.toByteArray();
  }
}
