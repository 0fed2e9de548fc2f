package dev.sluice.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails once more than {@code limit} bytes were read. */
final class LimitedInputStream extends FilterInputStream {
  /** Thrown when the limit is passed. */
  static final class LimitException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitException() {
      super("limit passed");
    }
  }

  private final long limit;
  private long read;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws LimitException {
    read += n;
    if (read > limit) {
      throw new LimitException();
    }
  }
}
