package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinesTest {
  @TempDir Path dir;

  private static List<String> lines(String text) {
    return Lines.read(
            TestFiles.bytes("t", text.getBytes(StandardCharsets.UTF_8)), LineSettings.defaults())
        .toList();
  }

  @Test
  void splitsOnLfCrlfAndCrMixed() {
    assertThat(lines("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void keepsEmptyLinesButNoneAfterAFinalLineEnd() {
    assertThat(lines("a\n\n\r\n\rb\n")).containsExactly("a", "", "", "", "b");
  }

  @Test
  void readsNothingFromAnEmptyInput() {
    assertThat(lines("")).isEmpty();
  }

  @Test
  void dropsAByteOrderMark() {
    assertThat(lines("\uFEFFx\ny")).containsExactly("x", "y");
  }

  @Test
  void splitsOnACustomDelimiter() {
    Input in = TestFiles.bytes("t", "a||b|c||".getBytes(StandardCharsets.UTF_8));
    assertThat(Lines.read(in, LineSettings.defaults().withDelimiter("||")).toList())
        .containsExactly("a", "b|c");
  }

  @Test
  void readsOtherCharsets() {
    byte[] utf16 = "é\r\nß".getBytes(StandardCharsets.UTF_16LE);
    Input in = TestFiles.bytes("t", utf16);
    assertThat(
            Lines.read(in, LineSettings.defaults().withCharset(StandardCharsets.UTF_16LE)).toList())
        .containsExactly("é", "ß");
  }

  @Test
  void reportsInvalidUtf8WithByteOffsetAndLine() {
    byte[] bytes = {'o', 'k', '\n', 'a', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThatThrownBy(
            () -> Lines.read(TestFiles.bytes("f.txt", bytes), LineSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("f.txt: line 2")
        .hasMessageContaining("byte offset 4");
  }

  @Test
  void replacesInvalidBytesWhenAsked() {
    byte[] bytes = {'a', (byte) 0xFF, 'b'};
    LineSettings replace = LineSettings.defaults().withMalformed(MalformedInput.REPLACE);
    assertThat(Lines.read(TestFiles.bytes("t", bytes), replace).toList())
        .containsExactly("a\uFFFDb");
  }

  @Test
  void failsOnALineLongerThanTheLimitNamingTheSetting() {
    Input in = TestFiles.bytes("big", "short\n0123456789\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Lines.read(in, LineSettings.defaults().withMaxLineLength(5)).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("maxLineLength")
        .satisfies(e -> assertThat(((BadInputException) e).setting()).isEqualTo("maxLineLength"));
  }

  @Test
  void readsGzipByItsMagicBytes() {
    Path file =
        TestFiles.write(dir, "noext", TestFiles.gzip("x\ny\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Lines.read(file).toList()).containsExactly("x", "y");
  }

  @Test
  void readsStandardInput() {
    InputStream saved = System.in;
    try {
      System.setIn(TestFiles.stream("one\ntwo\n"));
      assertThat(Lines.read(Input.stdin(), LineSettings.defaults()).toList())
          .containsExactly("one", "two");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void writesLinesAtomically() {
    Path out = dir.resolve("out.txt");
    dev.sluice.Pipe.of("a", "b").into(Lines.sink(Output.file(out)));
    assertThat(TestFiles.read(out)).isEqualTo("a\nb\n");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void splitsRandomTextLikeAReferenceSplitterEvenOneByteAtATime(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    String[] ends = {"\n", "\r\n", "\r"};
    int n = random.nextInt(200);
    String previous = "";
    for (int i = 0; i < n; i++) {
      StringBuilder line = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        line.append("abcé€😀 ,\"".charAt(random.nextInt(9)));
      }
      String s = line.toString().replace("\uD83D", "x").replace("\uDE00", "y");
      expected.add(s);
      String end = ends[random.nextInt(3)];
      if (s.isEmpty() && previous.equals("\r")) {
        end = "\r";
      }
      text.append(s).append(end);
      previous = end;
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(Lines.read(TestFiles.trickle(bytes), LineSettings.defaults()).toList())
        .isEqualTo(expected);
    assertThat(Lines.read(TestFiles.bytes("t", bytes), LineSettings.defaults()).toList())
        .isEqualTo(expected);
  }
}
