package dev.sluice.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * Input shapes for parser and connector tests (the same bytes, cut in different ways): one byte or
 * char per read, seeded random cuts, a stream that fails after some bytes, and one that stalls.
 * Each call gives a fresh stream; none is thread-safe (streams are read by one thread).
 *
 * <pre>{@code
 * for (long seed = 0; seed < 100; seed++) {
 *   byte[] csv = ...;
 *   Input input = Input.stream("cut", () -> Inputs.randomCuts(csv, seed));
 *   assertThat(Csv.read(input, settings).toList()).isEqualTo(expected);
 * }
 * }</pre>
 */
public final class Inputs {
  private Inputs() {}

  /** {@code bytes}, at most one byte per {@code read}. */
  public static InputStream oneBytePerRead(byte[] bytes) {
    return new Cut(bytes, null);
  }

  /** {@code bytes}, each {@code read} returning a random 1..len bytes (seeded, so repeatable). */
  public static InputStream randomCuts(byte[] bytes, long seed) {
    return new Cut(bytes, new Random(seed));
  }

  /** {@code text}, at most one char per {@code read}. */
  public static Reader oneCharPerRead(String text) {
    return new CutReader(text, null);
  }

  /** {@code text}, each {@code read} returning a random 1..len chars (seeded). */
  public static Reader randomCuts(String text, long seed) {
    return new CutReader(text, new Random(seed));
  }

  /**
   * The first {@code n} of {@code bytes} (in random cuts of the given seed), then {@code failure}
   * from every later read. Closing it is counted by nothing; wrap it with a {@link CloseCounter}.
   */
  public static InputStream failingAfter(byte[] bytes, int n, IOException failure, long seed) {
    Objects.requireNonNull(failure, "failure");
    if (n < 0 || n > bytes.length) {
      throw new IllegalArgumentException("n must be in 0.." + bytes.length + ", was " + n);
    }
    InputStream head = randomCuts(Arrays.copyOf(bytes, n), seed);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int got = head.read(b, off, len);
        if (got < 0) {
          throw failure;
        }
        return got;
      }
    };
  }

  /**
   * The first {@code n} of {@code bytes}, then a read that blocks until the reading thread is
   * interrupted (throwing {@link InterruptedIOException}) or the stream is closed: a source stuck
   * in I/O, for cancellation tests. {@code stalled} counts down when the read starts to block.
   */
  public static InputStream stallingAfter(byte[] bytes, int n, CountDownLatch stalled) {
    InputStream head = new ByteArrayInputStream(bytes, 0, n);
    CountDownLatch closed = new CountDownLatch(1);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int got = head.read(b, off, len);
        if (got >= 0 || len == 0) {
          return got;
        }
        stalled.countDown();
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("read interrupted");
        }
        throw new IOException("stream closed");
      }

      @Override
      public void close() {
        closed.countDown();
      }
    };
  }

  private static final class Cut extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int pos;

    Cut(byte[] bytes, Random random) {
      this.bytes = bytes.clone();
      this.random = random;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(bytes.length - pos, random == null ? 1 : 1 + random.nextInt(len));
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  private static final class CutReader extends Reader {
    private final StringReader text;
    private final Random random;

    CutReader(String text, Random random) {
      this.text = new StringReader(text);
      this.random = random;
    }

    @Override
    public int read(char[] c, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, c.length);
      if (len == 0) {
        return 0;
      }
      return text.read(c, off, random == null ? 1 : 1 + random.nextInt(len));
    }

    @Override
    public void close() {
      text.close();
    }
  }
}
