package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.io.MalformedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingReaderTest {
  private static DecodingReader reader(byte[] bytes) {
    return new DecodingReader(
        new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, MalformedInput.REPORT);
  }

  @Test
  void readsSurrogatePairsOneCharAtATime() throws IOException {
    DecodingReader reader = reader("a😀b".getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder();
    for (int c; (c = reader.read()) >= 0; ) {
      sb.append((char) c);
    }
    assertThat(sb.toString()).isEqualTo("a😀b");
  }

  @Test
  void reportsATruncatedSequenceAtTheEnd() {
    byte[] bytes = {'a', 'b', (byte) 0xE2, (byte) 0x82};
    assertThatThrownBy(
            () -> {
              DecodingReader r = reader(bytes);
              while (r.read(new char[10], 0, 10) >= 0) {}
            })
        .hasMessageContaining("byte offset 2");
  }

  @Test
  void reportsTheOffsetOfABadByteFarIntoTheStream() {
    byte[] bytes = new byte[200_000];
    java.util.Arrays.fill(bytes, (byte) 'z');
    bytes[150_001] = (byte) 0x80;
    assertThatThrownBy(
            () -> {
              DecodingReader r = reader(bytes);
              char[] buf = new char[4096];
              while (r.read(buf, 0, buf.length) >= 0) {}
            })
        .isInstanceOf(DecodingReader.MalformedBytesException.class)
        .hasMessageContaining("byte offset 150001");
  }
}
