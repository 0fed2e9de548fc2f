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
  /**
   * The pass over {@code copy}, fed a byte at a time, in one piece and in seeded random cuts (also
   * larger than the pass's buffer): the same bytes every way.
   */
  private static String pass(String copy, boolean crlf, Kind... kinds) throws Exception {
    byte[] bytes = copy.getBytes(StandardCharsets.UTF_8);
    String bytewise = pass(bytes, crlf, 1, kinds);
    assertThat(pass(bytes, crlf, bytes.length, kinds)).isEqualTo(bytewise);
    for (int seed = 1; seed <= 20; seed++) {
      assertThat(pass(bytes, crlf, -seed, kinds)).isEqualTo(bytewise);
    }
    return bytewise;
  }

  /** Fed in pieces of {@code piece} bytes, or random ones seeded by {@code -piece}. */
  private static String pass(byte[] bytes, boolean crlf, int piece, Kind... kinds)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> names =
        java.util.stream.IntStream.range(0, kinds.length).mapToObj(i -> "c" + i).toList();
    java.util.Random random = new java.util.Random(-piece);
    try (CopyCsvRewriter pass =
        new CopyCsvRewriter(out, List.of(kinds), names, ',', '"', crlf, true)) {
      for (int at = 0; at < bytes.length; ) {
        int n = Math.min(bytes.length - at, piece > 0 ? piece : 1 + random.nextInt(7));
        if (n == 1) {
          pass.write(bytes[at]);
        } else {
          pass.write(bytes, at, n);
        }
        at += n;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void passesLongFieldsAndRecordsBeyondItsBufferWhole() throws Exception {
    String text = "x".repeat(100_000);
    String quoted = "\"" + "a\"\"b,\n".repeat(20_000) + "\"";
    String copy = text + "," + quoted + ",2024-01-01\n" + "#" + text + ",,\n";
    assertThat(pass(copy, true, Kind.PLAIN, Kind.PLAIN, Kind.DATE))
        .isEqualTo(text + "," + quoted + ",2024-01-01\r\n\"#" + text + "\",,\r\n");
  }

  @Test
  void guardsTextThatStartsLikeAFormulaUnlessItIsAPlainNumberInAnyCutOfTheBytes() throws Exception {
    String long_ = "x".repeat(100_000);
    String copy =
        "=1+1,-12\n-1e5x,\"=a,b\"\n+,\"\"\n,-.5e-3\n-"
            + long_
            + ",@\n\"\r\",\t1\n#h,+1.5E+3\n-1e,--1\n";
    assertThat(pass(copy, false, Kind.GUARDED, Kind.GUARDED))
        .isEqualTo(
            "'=1+1,-12\n'-1e5x,\"'=a,b\"\n'+,\"\"\n,-.5e-3\n'-"
                + long_
                + ",'@\n\"'\r\",'\t1\n\"#h\",+1.5E+3\n'-1e,'--1\n");
  }

  @Test
  void aTextThatCouldBeANumberLongerThanItHoldsIsNotExact() throws Exception {
    assertThatThrownBy(() -> pass("1,-" + "1".repeat(600) + "\n", false, Kind.PLAIN, Kind.GUARDED))
        .isInstanceOf(CopyCsvRewriter.NotExact.class)
        .hasMessageContaining("of column 'c1'")
        .hasMessageContaining("longer than 500");
    assertThat(pass("1,-" + "1".repeat(400) + "x\n", false, Kind.PLAIN, Kind.GUARDED))
        .isEqualTo("1,'-" + "1".repeat(400) + "x\n");
  }

  @Test
  void masksAsTheRulesMaskThenGuardsAndQuotesAsTheRowWriterWritesTheMask() throws Exception {
    // COPY's CSV: a NULL is an empty field, an empty text "" (quoted)
    String copy =
        "alice@example.com,1\n,2\n\"\",3\nnoat,4\n@x,5\n@@,6\n\"a@b,c\",7\n=x@y,8\n"
            + "\"q\"\"u@o\",9\n\"two\nl@ines\",10\n\u00e9t\u00e9@x,11\n#h@x,12\nx@,13\n";
    assertThat(pass(copy, false, Kind.MASK, Kind.PLAIN))
        .isEqualTo(
            "a***@example.com,1\n,2\n\"\",3\n***,4\n***@x,5\n'@***@,6\n\"a***@b,c\",7\n"
                + "'=***@y,8\nq***@o,9\nt***@ines,10\n\u00e9***@x,11\n\"#***@x\",12\nx***@,13\n");
    // not the first field: # is not quoted
    assertThat(pass("1,#h@x\n2,\"x@\"\"\"\n", true, Kind.PLAIN, Kind.MASK))
        .isEqualTo("1,#***@x\r\n2,\"x***@\"\"\"\r\n");
    assertThatThrownBy(() -> pass("\"a@b\"c,1\n", false, Kind.MASK, Kind.PLAIN))
        .hasMessageContaining("column 'c0'")
        .hasMessageContaining("text after its closing quote");
    assertThatThrownBy(() -> pass("x".repeat(600) + "@y,1\n", false, Kind.MASK, Kind.PLAIN))
        .hasMessageContaining("longer than 500");
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
