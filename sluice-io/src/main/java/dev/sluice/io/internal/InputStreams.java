package dev.sluice.io.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/** Decorators for input streams: gzip detection, byte counting, not closing. */
public final class InputStreams {
  /** The buffer size used for file reads and gzip inflation. */
  public static final int BUFFER = 1 << 16;

  private InputStreams() {}

  /** {@code in}, or a decompressing stream over it when it starts with gzip's magic bytes. */
  public static InputStream gunzipIfGzip(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(buffered, BUFFER);
    }
    return buffered;
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
