package dev.sluice.io.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.io.MalformedInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  /**
   * The UTF-8 fast path must decode exactly as the JDK does, whatever the mix of valid and broken
   * sequences and wherever the stream's reads and the caller's reads cut them.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void decodesLikeTheJdkWithReplacement(long seed) throws IOException {
    Random random = new Random(seed);
    byte[] bytes = randomUtf8(random);
    String expected = new String(bytes, StandardCharsets.UTF_8);
    if (expected.startsWith("\uFEFF")) {
      expected = expected.substring(1);
    }
    DecodingReader reader =
        new DecodingReader(choppy(bytes, random), StandardCharsets.UTF_8, MalformedInput.REPLACE);
    assertThat(readAll(reader, random)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reportsTheSameFirstBadByteAsTheJdk(long seed) throws IOException {
    Random random = new Random(seed);
    byte[] bytes = randomUtf8(random);
    CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer all = CharBuffer.allocate(bytes.length + 2);
    CoderResult result = jdk.decode(in, all, true);
    DecodingReader reader =
        new DecodingReader(choppy(bytes, random), StandardCharsets.UTF_8, MalformedInput.REPORT);
    if (result.isError()) {
      assertThatThrownBy(() -> readAll(reader, random))
          .isInstanceOf(DecodingReader.MalformedBytesException.class)
          .hasMessageContaining("byte offset " + in.position() + "");
    } else {
      String text = all.flip().toString();
      assertThat(readAll(reader, random))
          .isEqualTo(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** Mostly ASCII with accents, BMP and supplementary characters, and now and then a bad byte. */
  private static byte[] randomUtf8(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean broken = random.nextInt(3) == 0;
    for (int i = 0, n = random.nextInt(20_000); i < n; i++) {
      int kind = random.nextInt(100);
      if (kind < 70) {
        out.write(0x20 + random.nextInt(0x5f));
      } else if (kind < 85) {
        out.writeBytes(Character.toString(0x80 + random.nextInt(0x780)).getBytes(UTF_8));
      } else if (kind < 93) {
        int c = 0x800 + random.nextInt(0xF800);
        out.writeBytes(
            Character.isSurrogate((char) c)
                ? new byte[] {(byte) 0xED, (byte) (0xA0 + random.nextInt(32)), (byte) 0x80}
                : Character.toString(c).getBytes(UTF_8));
      } else if (kind < 97) {
        out.writeBytes(Character.toString(0x10000 + random.nextInt(0x100000)).getBytes(UTF_8));
      } else if (broken) {
        out.write(0x80 + random.nextInt(0x80)); // a stray continuation or lead byte
      } else {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  /** A stream that hands out {@code bytes} in reads of random length. */
  private static InputStream choppy(byte[] bytes, Random random) {
    long seed = random.nextLong();
    return new ByteArrayInputStream(bytes) {
      private final Random chop = new Random(seed);

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + chop.nextInt(chop.nextBoolean() ? 7 : 9000)));
      }
    };
  }

  private static String readAll(DecodingReader reader, Random random) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[9000];
    for (int n;
        (n = reader.read(buf, 0, 1 + random.nextInt(random.nextBoolean() ? 3 : buf.length)))
            >= 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }
}
