package dev.sluice.io.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.CheckedSupplier;
import dev.sluice.Sink;
import dev.sluice.io.Encoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/** One run of a stream output: no atomicity; commit flushes, both ends close unless told not to. */
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
    OutputStream out = new BufferedOutputStream(raw, InputStreams.BUFFER);
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
    if (raw instanceof PrintStream print && print.checkError()) {
      throw new IOException("writing to the standard output failed (a closed pipe?)");
    }
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
}
