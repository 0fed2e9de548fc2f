package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Columns;
import dev.sluice.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV and the one JSON Lines writer of rows, and the JSON Lines reader of rows. */
class RowWritersTest {
  private static final Columns C = Columns.of("id", "name", "note");

  private static String csv(Encoder<Row> encoder, ByteArrayOutputStream out, Row... rows)
      throws Exception {
    for (Row row : rows) {
      encoder.write(row);
    }
    encoder.finish();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvWritesTheFirstRowsHeaderThenValuesAsTextWithTheFormulaGuard() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text =
        csv(
            Csv.rowEncoder(out, CsvWriteSettings.defaults()),
            out,
            Row.of(C, 1L, "=HYPERLINK(\"http://x\",\"y\")", null),
            Row.of(C, new BigDecimal("1E+3"), "", LocalDate.of(2024, 2, 29)));
    assertThat(text)
        .isEqualTo(
            "id,name,note\n1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\n1000,\"\",2024-02-29\n");
  }

  @Test
  void csvWithFixedColumnsWritesByNameAndTheHeaderEvenWithoutRows() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder<Row> encoder =
        Csv.rowEncoder(out, CsvWriteSettings.defaults(), List.of("name", "id"), true);
    assertThat(csv(encoder, out, Row.of(Columns.of("id"), 5L))).isEqualTo("name,id\n,5\n");
    ByteArrayOutputStream empty = new ByteArrayOutputStream();
    assertThat(
            csv(Csv.rowEncoder(empty, CsvWriteSettings.defaults(), List.of("a", "b"), true), empty))
        .isEqualTo("a,b\n");
    ByteArrayOutputStream resumed = new ByteArrayOutputStream();
    assertThat(
            csv(
                Csv.rowEncoder(resumed, CsvWriteSettings.defaults(), List.of("id"), false),
                resumed,
                Row.of(Columns.of("id"), 6L)))
        .isEqualTo("6\n");
  }

  @Test
  void aRowWithAColumnTheHeaderLacksIsBadInputNamingItsLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder<Row> encoder = Csv.rowEncoder(out, CsvWriteSettings.defaults());
    encoder.write(Row.of(Columns.of("a"), "1"));
    assertThatThrownBy(() -> encoder.write(Row.of(3, Columns.of("a", "b"), "2", "3")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("the row of line 3 has column 'b', which is not in the header [a]");
  }

  @Test
  void jsonWritesTypedValuesOneWay() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder<Row> encoder = JsonLines.rowEncoder(out);
    Columns c = Columns.of("s", "b", "i", "big", "d", "f", "nan", "t", "bin", "nil");
    encoder.write(
        Row.of(
            c,
            "a\"é\n",
            true,
            42,
            new BigInteger("123456789012345678901234567890"),
            new BigDecimal("2.50"),
            1.5d,
            Double.NaN,
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
            new byte[] {1, 2},
            null));
    encoder.finish();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"s\":\"a\\\"é\\n\",\"b\":true,\"i\":42,\"big\":123456789012345678901234567890,"
                + "\"d\":2.50,\"f\":1.5,\"nan\":\"NaN\",\"t\":\"2024-01-02T03:04:05Z\","
                + "\"bin\":\"AQI=\",\"nil\":null}\n");
  }

  @Test
  void jsonLinesRowsKeepTypesAndWriteBackTheSame() throws Exception {
    String text =
        "{\"id\":1,\"price\":2.50,\"ok\":false,\"tags\":[\"a\",\"é\"],\"n\":null,\"s\":\"x\"}\n"
            + "\n"
            + "{\"id\":99999999999999999999,\"price\":1e3,\"ok\":true,\"tags\":{},\"n\":null,\"s\":\"\"}\n";
    Input in =
        Input.stream(
            "in.jsonl", () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    List<Row> rows = JsonLines.rows(in, JsonSettings.defaults()).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).values().subList(0, 3))
        .containsExactly(1L, new BigDecimal("2.50"), false);
    assertThat(rows.get(0).get("tags")).isInstanceOf(JsonNode.class);
    assertThat(rows.get(1).get("id")).isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(1).columns()).isSameAs(rows.get(0).columns());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder<Row> encoder = JsonLines.rowEncoder(out);
    for (Row row : rows) {
      encoder.write(row);
    }
    encoder.finish();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":1,\"price\":2.50,\"ok\":false,\"tags\":[\"a\",\"é\"],\"n\":null,\"s\":\"x\"}\n"
                + "{\"id\":99999999999999999999,\"price\":1000,\"ok\":true,\"tags\":{},\"n\":null,\"s\":\"\"}\n");
  }

  @Test
  void aJsonLineThatIsNotAnObjectIsBadInputNamingTheLine() {
    Input in =
        Input.stream(
            "in.jsonl",
            () -> new ByteArrayInputStream("{}\n[1]\n".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> JsonLines.rows(in, JsonSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessage("in.jsonl: line 2: a JSON ARRAY, not an object");
  }

  @Test
  void csvRowsAreRowsEqualToGeneralRows() {
    Input in =
        Input.stream(
            "in.csv", () -> new ByteArrayInputStream("a,b\n1,\n".getBytes(StandardCharsets.UTF_8)));
    Row row = Csv.rows(in, CsvSettings.defaults()).toList().get(0);
    assertThat(row).isInstanceOf(CsvRow.class).isEqualTo(Row.of(Columns.of("a", "b"), "1", ""));
    assertThat(Row.of(Columns.of("a", "b"), "1", "")).isEqualTo(row);
    assertThat(row.hashCode()).isEqualTo(Row.of(Columns.of("a", "b"), "1", "").hashCode());
    assertThat(row.with("b", 5L))
        .isNotInstanceOf(CsvRow.class)
        .extracting(r -> r.get(1))
        .isEqualTo(5L);
    assertThat(row.with("b", "5")).isInstanceOf(CsvRow.class);
  }
}
