package dev.sluice.io.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.CheckedSupplier;
import dev.sluice.Sink;
import dev.sluice.io.ClosedOutputException;
import dev.sluice.io.Encoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * One run of a stream output: no atomicity; commit flushes, both ends close unless told not to. A
 * {@link PrintStream} (standard output) swallows write errors, so its writes are checked: the first
 * failed write (a closed pipe, a full disk) fails the run at once, not at the end.
 */
public final class StreamWriter<T> implements Sink.Writer<T> {
  private final OutputStream raw;
  private final OutputStream out;
  private final Encoder<T> encoder;
  private final boolean keepOpen;

  private StreamWriter(OutputStream raw, Encoder<T> encoder, OutputStream out, boolean keepOpen) {
    this.raw = raw;
    this.out = out;
    this.encoder = encoder;
    this.keepOpen = keepOpen;
  }

  /** Opens the stream and the encoder over it. */
  public static <T> StreamWriter<T> open(
      String name,
      CheckedSupplier<? extends OutputStream> opener,
      CheckedFunction<? super OutputStream, ? extends Encoder<T>> encoder,
      boolean keepOpen)
      throws Exception {
    OutputStream raw = opener.get();
    if (raw == null) {
      throw new IllegalStateException("the opener of " + name + " returned null");
    }
    OutputStream out =
        new BufferedOutputStream(
            raw instanceof PrintStream print ? new ErrorChecking(name, print) : raw,
            InputStreams.BUFFER);
    try {
      return new StreamWriter<>(raw, encoder.apply(out), out, keepOpen);
    } catch (Throwable t) {
      if (!keepOpen) {
        raw.close();
      }
      throw t;
    }
  }

  @Override
  public void write(T item) throws Exception {
    encoder.write(item);
  }

  @Override
  public void commit() throws Exception {
    encoder.finish();
    out.flush();
    if (!keepOpen) {
      raw.close();
    }
  }

  @Override
  public void abort(Throwable cause) throws Exception {
    try {
      out.flush();
    } finally {
      if (!keepOpen) {
        raw.close();
      }
    }
  }

  /** Writes to a print stream and turns its swallowed errors into an {@link IOException}. */
  private static final class ErrorChecking extends OutputStream {
    private final String name;
    private final PrintStream print;

    ErrorChecking(String name, PrintStream print) {
      this.name = name;
      this.print = print;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      print.write(b, off, len);
      check();
    }

    @Override
    public void flush() throws IOException {
      check();
    }

    private void check() throws IOException {
      if (print.checkError()) {
        throw new ClosedOutputException(name);
      }
    }
  }
}
