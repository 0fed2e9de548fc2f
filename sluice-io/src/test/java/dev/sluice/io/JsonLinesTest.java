package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
  @TempDir Path dir;

  record Event(String type, int count) {}

  private static Input input(String text) {
    return TestFiles.bytes("e.jsonl", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTreesSkippingBlankLines() {
    List<JsonNode> nodes =
        JsonLines.read(input("{\"a\":1}\n\n  \r\n[2]\n"), JsonSettings.defaults()).toList();
    assertThat(nodes).extracting(JsonNode::toString).containsExactly("{\"a\":1}", "[2]");
  }

  @Test
  void readsMapsAndRecords() {
    String text = "{\"type\":\"x\",\"count\":2}\n";
    assertThat(JsonLines.read(input(text), Map.class, JsonSettings.defaults()).toList())
        .containsExactly(Map.of("type", "x", "count", 2));
    assertThat(JsonLines.read(input(text), Event.class, JsonSettings.defaults()).toList())
        .containsExactly(new Event("x", 2));
  }

  @Test
  void namesTheLineOfABrokenValue() {
    assertThatThrownBy(
            () -> JsonLines.read(input("{}\n{\"a\":\n{}\n"), JsonSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("e.jsonl: line 2")
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void rejectsTwoValuesOnOneLine() {
    assertThatThrownBy(() -> JsonLines.read(input("{} {}\n"), JsonSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void enforcesTheNestingLimitNamingTheSetting() {
    String deep = "[".repeat(20) + "]".repeat(20);
    assertThatThrownBy(
            () ->
                JsonLines.read(input(deep), JsonSettings.defaults().withMaxNestingDepth(10))
                    .toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("maxNestingDepth");
  }

  @Test
  void enforcesTheLineLimitNamingTheSetting() {
    String line = "\"" + "x".repeat(100) + "\"";
    assertThatThrownBy(
            () ->
                JsonLines.read(input(line), JsonSettings.defaults().withMaxLineLength(50)).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("maxLineLength");
  }

  @Test
  void writesRecordsMapsNodesAndCsvRowsOnePerLine() {
    Path file = dir.resolve("out.jsonl.gz");
    CsvRow row = Csv.read(input("a,b\n1,2\n"), CsvSettings.defaults()).toList().get(0);
    JsonNode node = JsonLines.read(input("{\"n\":null}"), JsonSettings.defaults()).toList().get(0);
    // CsvRows have a writer of their own: switching back and forth must keep the order
    Pipe.<Object>of(row, new Event("x", 1), Map.of("k", "v"), row, row, node, row)
        .into(JsonLines.sink(Output.file(file)));
    String csvRow = "{\"a\":\"1\",\"b\":\"2\"}";
    assertThat(Lines.read(file).toList())
        .containsExactly(
            csvRow,
            "{\"type\":\"x\",\"count\":1}",
            "{\"k\":\"v\"}",
            csvRow,
            csvRow,
            "{\"n\":null}",
            csvRow);
  }

  @Test
  void writesWithTheGivenMappersFeatures() {
    Path file = dir.resolve("plain.jsonl");
    ObjectMapper plain =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    Pipe.<Object>of(Map.of("d", new java.math.BigDecimal("1E-7")))
        .into(JsonLines.sink(Output.file(file), plain));
    assertThat(Lines.read(file).toList()).containsExactly("{\"d\":0.0000001}");
    Pipe.<Object>of(Map.of("d", new java.math.BigDecimal("1E-7")))
        .into(JsonLines.sink(Output.file(file)));
    assertThat(Lines.read(file).toList()).containsExactly("{\"d\":1E-7}");
  }

  @Test
  void toRowsTurnsObjectsIntoTypedRowsAndNamesTheElementThatIsNot() throws Exception {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(
        com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    List<JsonNode> nodes =
        List.of(
            mapper.readTree("{\"id\":1,\"name\":\"Ann\",\"paid\":1.50}"),
            mapper.readTree("{\"id\":2,\"name\":null}"));
    List<dev.sluice.Row> rows = Pipe.from(nodes).via(JsonLines.toRows("api")).toList();
    assertThat(rows.get(0).names()).containsExactly("id", "name", "paid");
    assertThat(rows.get(0).values()).containsExactly(1L, "Ann", new java.math.BigDecimal("1.50"));
    assertThat(rows.get(1).values()).containsExactly(2L, null);
    assertThatThrownBy(
            () ->
                Pipe.of(mapper.readTree("{}"), mapper.readTree("[1]"))
                    .via(JsonLines.toRows("api"))
                    .toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("api")
        .hasMessageContaining("not an object");
  }
}
