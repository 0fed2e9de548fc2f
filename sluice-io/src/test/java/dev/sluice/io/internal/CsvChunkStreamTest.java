package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvChunkStreamTest {
  @TempDir Path dir;

  private FileChannel channel(String text) throws IOException {
    Path file = Files.writeString(dir.resolve("in.csv"), text, StandardCharsets.UTF_8);
    return FileChannel.open(file);
  }

  private static CsvChunkStream stream(FileChannel ch, long start, long lookFrom, long overrun)
      throws IOException {
    return new CsvChunkStream(ch, start, ch.size(), lookFrom, overrun, new CsvBoundaries(',', '"'));
  }

  private static String read(InputStream in, int block) throws IOException {
    StringBuilder sb = new StringBuilder();
    byte[] b = new byte[block];
    for (int n; (n = in.read(b, 0, block)) >= 0; ) {
      sb.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
    }
    return sb.toString();
  }

  @Test
  void endsAfterTheFirstRecordEndFromItsPosition() throws IOException {
    try (FileChannel ch = channel("a,b\n1,\"x\ny\"\n2,z\n3,w\n")) {
      for (int block = 1; block < 8; block++) {
        CsvChunkStream s = stream(ch, 4, 8, Long.MAX_VALUE); // index 8 is inside the quotes
        assertThat(read(s, block)).isEqualTo("1,\"x\ny\"\n");
        assertThat(s.position()).isEqualTo(12);
        assertThat(s.read()).isEqualTo(-1);
      }
    }
  }

  @Test
  void runsToTheEndOfTheFileWithoutARecordEnd() throws IOException {
    try (FileChannel ch = channel("a\nb\nc")) {
      CsvChunkStream s = stream(ch, 2, Long.MAX_VALUE, Long.MAX_VALUE);
      assertThat(read(s, 3)).isEqualTo("b\nc");
      assertThat(s.position()).isEqualTo(5);
    }
  }

  @Test
  void failsAReadThatRunsPastTheOverrunLimit() throws IOException {
    try (FileChannel ch = channel("a\n\"" + "x\n".repeat(50) + "\"\n")) {
      CsvChunkStream s = stream(ch, 2, 3, 20);
      assertThatThrownBy(() -> read(s, 4)).hasMessageContaining("overrun limit at byte 20");
      assertThat(s.overran()).isTrue();
    }
  }

  @Test
  void readsOneByteAtATime() throws IOException {
    try (FileChannel ch = channel("ab\ncd\n")) {
      CsvChunkStream s = stream(ch, 0, 0, Long.MAX_VALUE);
      assertThat(s.read()).isEqualTo('a');
      assertThat(s.read()).isEqualTo('b');
      assertThat(s.read()).isEqualTo('\n');
      assertThat(s.read()).isEqualTo(-1);
      assertThat(s.read(new byte[0], 0, 0)).isZero();
    }
  }
}
