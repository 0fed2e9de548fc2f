package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvBoundariesTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Every record boundary of {@code text}, scanning it whole. */
  private static List<Integer> boundaries(String text) {
    byte[] b = bytes(text);
    CsvBoundaries scanner = new CsvBoundaries(',', '"');
    List<Integer> found = new ArrayList<>();
    int at = 0;
    while (at < b.length) {
      int end = scanner.scan(b, at, b.length, at);
      if (end < 0) {
        break;
      }
      found.add(end);
      at = end;
    }
    return found;
  }

  @Test
  void findsLineEndsOutsideQuotes() {
    assertThat(boundaries("a,b\n1,2\n")).containsExactly(4, 8);
    assertThat(boundaries("a,\"x\ny\"\n1,2")).containsExactly(8);
    assertThat(boundaries("a\r\nb\r\n")).containsExactly(3, 6);
  }

  @Test
  void followsEscapedQuotesAndQuotesInsideUnquotedFields() {
    assertThat(boundaries("\"a\"\"\nb\"\nc\n")).containsExactly(8, 10); // "" inside quotes
    assertThat(boundaries("ab\"c\nd\n")).containsExactly(5, 7); // a quote inside a field is text
    assertThat(boundaries("\"a\"x\"\n\"\n")).containsExactly(8); // reopened after a closing quote
    assertThat(boundaries("a\r\"\n\"\n")).containsExactly(6); // a lone CR ends the record first
  }

  @Test
  void keepsItsStateBetweenBlocks() {
    Random random = new Random(1);
    for (int round = 0; round < 500; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 60; k++) {
        sb.append("ab\",\n\r xé".charAt(random.nextInt(9)));
      }
      byte[] b = bytes(sb.toString());
      List<Integer> whole = boundaries(sb.toString());
      CsvBoundaries scanner = new CsvBoundaries(',', '"');
      List<Integer> piecewise = new ArrayList<>();
      int at = 0;
      int look = 0;
      while (at < b.length) {
        int to = Math.min(b.length, at + 1 + random.nextInt(9));
        int end = scanner.scan(b, at, to, look);
        if (end >= 0) {
          piecewise.add(end);
          at = end;
          look = end;
        } else {
          at = to;
        }
      }
      assertThat(piecewise).as(sb.toString()).isEqualTo(whole);
    }
  }

  @Test
  void looksForTheBoundaryOnlyFromWhereItIsTold() {
    byte[] b = bytes("a\nb\nc\"\nd\n");
    CsvBoundaries scanner = new CsvBoundaries(',', '"');
    assertThat(scanner.scan(b, 0, b.length, 3)).isEqualTo(4);
    assertThat(scanner.scan(b, 4, b.length, b.length)).isEqualTo(-1);
    assertThat(scanner.inQuotes()).isFalse();
    CsvBoundaries quoted = new CsvBoundaries(';', '\'');
    assertThat(quoted.scan(bytes("'a\n"), 0, 3, 0)).isEqualTo(-1);
    assertThat(quoted.inQuotes()).isTrue();
  }

  @Test
  void findsABytesFirstPlaceEightAtATime() {
    Random random = new Random(2);
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) "\"a\u00ff\u0080\u0001\u0000".charAt(random.nextInt(6));
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length);
      int expected = -1;
      for (int i = from; i < b.length; i++) {
        if (b[i] == '"') {
          expected = i;
          break;
        }
      }
      assertThat(CsvBoundaries.indexOf(b, from, b.length, (byte) '"')).isEqualTo(expected);
    }
  }

  @Test
  void takesOnlyAsciiSeparatorsAndQuotes() {
    assertThatThrownBy(() -> new CsvBoundaries('§', '"'))
        .hasMessage("separator and quote must be ASCII, were 167 and 34");
  }
}
