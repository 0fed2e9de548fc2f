package dev.sluice.io.internal;

import dev.sluice.io.BadInputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Decorators for input streams: gzip detection, byte counting, not closing. */
public final class InputStreams {
  /** The buffer size used for file reads and gzip inflation. */
  public static final int BUFFER = 1 << 16;

  private InputStreams() {}

  /** {@code in}, or a decompressing stream over it when it starts with gzip's magic bytes. */
  public static InputStream gunzipIfGzip(InputStream in) throws IOException {
    return gunzipIfGzip(in, "<input>");
  }

  /**
   * Like {@link #gunzipIfGzip(InputStream)}; a gzip stream that ends early (a truncated or half
   * written file) or is corrupt fails with a {@link BadInputException} naming {@code name}.
   */
  public static InputStream gunzipIfGzip(InputStream in, String name) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      GZIPInputStream gzip;
      try {
        gzip = new GZIPInputStream(buffered, BUFFER); // reads the gzip header
      } catch (EOFException | ZipException e) {
        throw bad(name, e);
      }
      return checked(gzip, name);
    }
    return buffered;
  }

  private static InputStream checked(GZIPInputStream gzip, String name) {
    return new FilterInputStream(gzip) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (EOFException | ZipException e) {
          throw bad(name, e);
        }
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        try {
          return super.read(buf, off, len);
        } catch (EOFException | ZipException e) {
          throw bad(name, e);
        }
      }
    };
  }

  private static BadInputException bad(String name, IOException e) {
    String problem =
        e instanceof EOFException
            ? "the gzip data ends early: the file is truncated or was not fully written"
            : "the gzip data is corrupt (" + e.getMessage() + ")";
    return new BadInputException(name, -1, problem, null, e);
  }

  /** {@code in}, adding every byte read to {@code counter}. */
  public static InputStream counting(InputStream in, AtomicLong counter) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          counter.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          counter.addAndGet(n);
        }
        return n;
      }
    };
  }

  /** {@code in}, with a {@code close} that does nothing (for standard input). */
  public static InputStream notClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
