package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordScannerTest {
  private final CsvRecordScanner scanner = new CsvRecordScanner(3, ',', '"');

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The fields of the record at the start of {@code s}, quotes made single. */
  private List<String> fields(byte[] b) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] v = new byte[b.length];
      int n = scanner.unquote(b, i, v, 0);
      result.add(new String(v, 0, n, StandardCharsets.UTF_8));
    }
    return result;
  }

  @Test
  void findsTheFieldsAndTheEndOfARecord() {
    byte[] b = bytes("a,\"b,\"\"c\"\"\",\nnext");
    assertThat(scanner.scan(b, 0, b.length, false)).isEqualTo(13);
    assertThat(scanner.empty()).isFalse();
    assertThat(scanner.lineEnd()).isTrue();
    assertThat(scanner.lineBreaks()).isEqualTo(1);
    assertThat(scanner.doubled(1)).isTrue();
    assertThat(scanner.doubled(0)).isFalse();
    assertThat(fields(b)).containsExactly("a", "b,\"c\"", "");
  }

  @Test
  void countsLineBreaksInQuotesAsFastCsvDoes() {
    byte[] b = bytes("\"1\r\n2\",\"\r\",\"\n\n\"\r\n");
    assertThat(scanner.scan(b, 0, b.length, false)).isEqualTo(b.length);
    assertThat(scanner.lineBreaks()).isEqualTo(5);
    assertThat(fields(b)).containsExactly("1\r\n2", "\r", "\n\n");
  }

  @Test
  void takesEmptyLinesAndTheLastRecordWithoutALineEnd() {
    byte[] b = bytes("\r\n\nx,y,z");
    assertThat(scanner.scan(b, 0, b.length, true)).isEqualTo(2);
    assertThat(scanner.empty()).isTrue();
    assertThat(scanner.scan(b, 2, b.length, true)).isEqualTo(3);
    assertThat(scanner.empty()).isTrue();
    assertThat(scanner.scan(b, 3, b.length, true)).isEqualTo(b.length);
    assertThat(scanner.lineEnd()).isFalse();
    assertThat(fields(b)).containsExactly("x", "y", "z");
  }

  @Test
  void asksForMoreWhereTheBytesEndInARecord() {
    for (String s : List.of("a,b", "a,b,", "a,b,\"c", "a,b,\"c\"", "a,b,c\r", "\r", "a,\"\r")) {
      byte[] b = bytes(s);
      assertThat(scanner.scan(b, 0, b.length, false)).as(s).isEqualTo(CsvRecordScanner.MORE);
    }
  }

  @Test
  void looksNoFurtherThanTheEndItIsGiven() {
    byte[] b = bytes("abcdefghij,klmnopqrstu,vwxyzabcdefg\n");
    assertThat(scanner.scan(b, 0, 5, false)).isEqualTo(CsvRecordScanner.MORE);
    assertThat(scanner.scan(b, 0, 15, false)).isEqualTo(CsvRecordScanner.MORE);
    assertThat(scanner.scan(b, 0, 15, true)).isEqualTo(CsvRecordScanner.ODD);
    assertThat(scanner.scan(b, 0, b.length - 1, true)).isEqualTo(b.length - 1);
    assertThat(scanner.end(2)).isEqualTo(b.length - 1);
    byte[] q = bytes("\"abcdefghijk\",b,c\n");
    assertThat(scanner.scan(q, 0, 9, false)).isEqualTo(CsvRecordScanner.MORE);
  }

  @Test
  void leavesWhatIsNotTheCleanCaseToTheParser() {
    for (String s :
        List.of(
            "a,b\n",
            "a,b,c,d\n",
            "a,b\"c,d\n",
            "a,\"b\"c,d\n",
            "a,b,c\rd\n",
            "a,b,\"c",
            "a,b,c\r",
            "\r")) {
      byte[] b = bytes(s);
      assertThat(scanner.scan(b, 0, b.length, true)).as(s).isEqualTo(CsvRecordScanner.ODD);
    }
  }

  @Test
  void checksItsArguments() {
    assertThatThrownBy(() -> new CsvRecordScanner(0, ',', '"'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CsvRecordScanner(2, ',', ','))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CsvRecordScanner(2, '§', '"'))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
