package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
  /** What {@link JsonRowWriter} writes for {@code s} as a value, without the quotes. */
  private static String writer(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonRowWriter w = new JsonRowWriter(out);
    w.write(List.of("k"), List.of(s));
    w.flush();
    String line = out.toString(StandardCharsets.UTF_8);
    return line.substring("{\"k\":\"".length(), line.length() - "\"}\n".length());
  }

  private static String escape(byte[] b, boolean ascii) {
    byte[] out = new byte[b.length * JsonBytes.MAX_PER_BYTE];
    int n = JsonBytes.escape(b, 0, b.length, out, 0, ascii);
    return n < 0 ? null : new String(out, 0, n, StandardCharsets.UTF_8);
  }

  @Test
  void writesWhatTheRowWriterWritesForRandomText() throws Exception {
    Random random = new Random(21);
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) {
        int kind = random.nextInt(5);
        int cp =
            switch (kind) {
              case 0 -> random.nextInt(0x80);
              case 1 -> 0x80 + random.nextInt(0x780);
              case 2 -> 0x800 + random.nextInt(0xD800 - 0x800);
              case 3 -> 0xE000 + random.nextInt(0x2000);
              default -> 0x10000 + random.nextInt(0x100000);
            };
        sb.appendCodePoint(cp);
      }
      String s = sb.toString();
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      assertThat(escape(utf8, false)).as("%s", Arrays.toString(utf8)).isEqualTo(writer(s));
      assertThat(JsonBytes.valid(utf8, 0, utf8.length, false)).isTrue();
      byte[] longer = Arrays.copyOf(utf8, utf8.length + 9); // what follows is not read as text
      longer[utf8.length] = '"';
      longer[utf8.length + 1] = (byte) 0xC3;
      byte[] out = new byte[longer.length * JsonBytes.MAX_PER_BYTE];
      int n = JsonBytes.escape(longer, 0, utf8.length, out, 0, false);
      assertThat(new String(out, 0, n, StandardCharsets.UTF_8)).isEqualTo(writer(s));
    }
  }

  @Test
  void refusesWhatDoesNotDecode() {
    byte[][] bad = {
      {(byte) 0x80},
      {(byte) 0xC1, (byte) 0xBF},
      {(byte) 0xC3},
      {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x28, (byte) 0xA1},
    };
    for (byte[] b : bad) {
      byte[] text = new byte[b.length + 2];
      text[0] = 'a';
      System.arraycopy(b, 0, text, 1, b.length);
      text[b.length + 1] = 'z';
      assertThat(escape(text, false)).as(Arrays.toString(b)).isNull();
      assertThat(JsonBytes.valid(text, 0, text.length, false)).as(Arrays.toString(b)).isFalse();
    }
  }

  @Test
  void takesOnlyAsciiAsUsAscii() {
    assertThat(escape("a\"\\\u0001".getBytes(StandardCharsets.US_ASCII), true))
        .isEqualTo("a\\\"\\\\\\u0001");
    assertThat(escape("é".getBytes(StandardCharsets.UTF_8), true)).isNull();
    assertThat(JsonBytes.valid("é".getBytes(StandardCharsets.UTF_8), 0, 2, true)).isFalse();
  }

  @Test
  void measuresACharacterByItsFirstByte() {
    for (String s : List.of("a", "é", "中", "😀")) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertThat(JsonBytes.charLength(b[0])).as(s).isEqualTo(b.length);
    }
  }
}
