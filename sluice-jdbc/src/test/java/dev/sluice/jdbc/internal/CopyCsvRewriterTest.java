package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jdbc.internal.CopyCsvRewriter.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte pass over COPY's CSV: typed fields, record ends, quotes, a leading #. */
class CopyCsvRewriterTest {
  private static String pass(String copy, boolean crlf, Kind... kinds) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> names =
        java.util.stream.IntStream.range(0, kinds.length).mapToObj(i -> "c" + i).toList();
    try (CopyCsvRewriter pass =
        new CopyCsvRewriter(out, List.of(kinds), names, ',', '"', crlf, true)) {
      byte[] bytes = copy.getBytes(StandardCharsets.UTF_8);
      // fed a byte at a time and in one piece: the same bytes
      for (byte b : bytes) {
        pass.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rewritesTypedFieldsAsJavaWritesTheirValues() throws Exception {
    String copy =
        "t,2024-01-01 00:00:00,2024-01-01 00:00:00.5+00,00:00:01.123456,1e+20,-Infinity,2024-02-29\n"
            + "f,1999-12-31 23:59:59.12,2024-03-10 15:15:00+00,12:30:00,100,-2.50,0001-01-01\n"
            + ",,,,,,\n";
    assertThat(
            pass(
                copy,
                false,
                Kind.BOOL,
                Kind.TIMESTAMP,
                Kind.TIMESTAMPTZ,
                Kind.TIME,
                Kind.FLOAT8,
                Kind.NUMERIC,
                Kind.DATE))
        .isEqualTo(
            "true,2024-01-01T00:00,2024-01-01T00:00:00.500Z,00:00:01.123456,1.0E20,'-Infinity,2024-02-29\n"
                + "false,1999-12-31T23:59:59.120,2024-03-10T15:15Z,12:30,100.0,-2.50,0001-01-01\n"
                + ",,,,,,\n");
  }

  @Test
  void endsRecordsWithCrlfOutsideQuotesOnlyAndQuotesALeadingHash() throws Exception {
    String copy = "#x,\"a\nb\"\"c\",\"\"\n\"#q\",# not first\n";
    assertThat(pass(copy, true, Kind.PLAIN, Kind.PLAIN, Kind.PLAIN))
        .isEqualTo("\"#x\",\"a\nb\"\"c\",\"\"\r\n\"#q\",# not first\r\n");
    assertThat(pass(copy, false, Kind.PLAIN, Kind.PLAIN, Kind.PLAIN))
        .isEqualTo("\"#x\",\"a\nb\"\"c\",\"\"\n\"#q\",# not first\n");
  }

  @Test
  void refusesValuesJavaWritesOtherwiseNamingTheColumn() {
    assertThatThrownBy(() -> pass("1,infinity\n", false, Kind.PLAIN, Kind.DATE))
        .isInstanceOf(CopyCsvRewriter.NotExact.class)
        .hasMessageContaining("'infinity' of column 'c1'");
    assertThatThrownBy(() -> pass("10000-01-01 00:00:00\n", false, Kind.TIMESTAMP))
        .isInstanceOf(CopyCsvRewriter.NotExact.class);
    assertThatThrownBy(() -> pass("0044-03-15 BC\n", false, Kind.DATE))
        .isInstanceOf(CopyCsvRewriter.NotExact.class);
    assertThatThrownBy(() -> pass("24:00:00\n", false, Kind.TIME))
        .isInstanceOf(CopyCsvRewriter.NotExact.class);
    assertThatThrownBy(() -> pass("1".repeat(501) + "\n", false, Kind.NUMERIC))
        .isInstanceOf(CopyCsvRewriter.NotExact.class)
        .hasMessageContaining("longer than 500");
  }
}
