package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.io.MalformedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadAheadReaderTest {
  private static String readAll(Reader reader, int chunk) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[chunk];
    for (int n; (n = reader.read(buf, 0, chunk)) >= 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, ReadAheadReader.BLOCK, ReadAheadReader.BLOCK * 7 + 3})
  void deliversExactlyTheSourceText(int length) throws IOException {
    Random random = new Random(length);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    try (ReadAheadReader reader = new ReadAheadReader(new StringReader(text.toString()), 2)) {
      assertThat(readAll(reader, 1 + random.nextInt(5000))).isEqualTo(text.toString());
    }
  }

  @Test
  void rethrowsTheSourceFailureWithItsOffset() throws IOException {
    byte[] bytes = new byte[100_000];
    java.util.Arrays.fill(bytes, (byte) 'a');
    bytes[70_000] = (byte) 0xFF;
    Reader decoding =
        new DecodingReader(
            new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, MalformedInput.REPORT);
    try (ReadAheadReader reader = new ReadAheadReader(decoding, 1)) {
      assertThatThrownBy(() -> readAll(reader, 1000))
          .isInstanceOf(DecodingReader.MalformedBytesException.class)
          .hasMessageContaining("byte offset 70000");
    }
  }

  @Test
  void closeEndsTheThreadEvenWhenNotReadToTheEnd() throws IOException {
    String text = "x".repeat(ReadAheadReader.BLOCK * 10);
    ReadAheadReader reader = new ReadAheadReader(new StringReader(text), 1);
    assertThat(reader.read(new char[10], 0, 10)).isEqualTo(10);
    reader.close();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("sluice-read-ahead"));
  }
}
