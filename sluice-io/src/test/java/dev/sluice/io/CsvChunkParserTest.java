package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvChunkParserTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static CsvChunkParser parser(String header, CsvSettings settings) throws Exception {
    CsvChunkParser.Header h = CsvChunkParser.header(bytes(header), settings, "in.csv");
    return new CsvChunkParser(
        "in.csv",
        settings,
        h,
        RowRules.none().mask("email").stage("in.csv"),
        JsonLines::rowEncoder);
  }

  @Test
  void readsTheHeaderWithItsLineBreaksAndBom() throws Exception {
    CsvChunkParser.Header h =
        CsvChunkParser.header(bytes("\uFEFFid,\"e\nmail\"\r\n"), CsvSettings.defaults(), "in.csv");
    assertThat(h.columns().names()).containsExactly("id", "e\nmail");
    assertThat(h.lines()).isEqualTo(2);
    assertThat(h.line()).isEqualTo(1);
    assertThatThrownBy(
            () -> CsvChunkParser.header(bytes("a,a\n"), CsvSettings.defaults(), "in.csv"))
        .hasMessageContaining("duplicate column name");
  }

  @Test
  void encodesTheRowsOfAChunkAndCountsItsLines() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvChunkParser.Done done =
        parser("id,email\n", CsvSettings.defaults())
            .parse(
                new ByteArrayInputStream(bytes("1,a@x.org\n\n2,\"b\n@x.org\"\n")),
                100,
                0,
                0,
                out,
                null,
                Long.MAX_VALUE);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":\"1\",\"email\":\"a***@x.org\"}\n{\"id\":\"2\",\"email\":\"b***@x.org\"}\n");
    assertThat(done).isEqualTo(new CsvChunkParser.Done(2, 4, 3, 2));
  }

  @Test
  void namesLinesOfTheWholeFile() throws Exception {
    CsvChunkParser p = parser("id,email\n", CsvSettings.defaults());
    assertThatThrownBy(
            () ->
                p.parse(
                    new ByteArrayInputStream(bytes("1,a\n2,b,c\n")),
                    100,
                    40,
                    39,
                    new ByteArrayOutputStream(),
                    null,
                    Long.MAX_VALUE))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 42");
    assertThatThrownBy(
            () ->
                p.parse(
                    new ByteArrayInputStream(new byte[] {'1', ',', (byte) 0xFF, '\n'}),
                    100,
                    40,
                    39,
                    new ByteArrayOutputStream(),
                    null,
                    Long.MAX_VALUE))
        .hasMessageContaining("byte offset 102")
        .hasMessageContaining("after the record at line 39");
  }

  @Test
  void checksWidthsAgainstTheHeaderNotTheChunksFirstRecord() throws Exception {
    CsvChunkParser p = parser("id,email\n", CsvSettings.defaults());
    assertThatThrownBy(
            () ->
                p.parse(
                    new ByteArrayInputStream(bytes("1\n2,b\n")),
                    0,
                    1,
                    1,
                    new ByteArrayOutputStream(),
                    null,
                    Long.MAX_VALUE))
        .hasMessageContaining("line 2");
  }
}
