package dev.sluice.io;

import dev.sluice.io.internal.InputStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A chunk's encoded bytes, for {@link CsvChunkRun}: a byte array output that encoders may also
 * write into directly ({@link #room}, {@link #array}, {@link #advance}). Not thread-safe.
 */
final class ChunkBytes extends ByteArrayOutputStream {
  ChunkBytes(int size) {
    super(size);
  }

  int capacity() {
    return buf.length;
  }

  /** Makes room for {@code n} more bytes after the {@link #size()} written. */
  void room(int n) {
    long need = (long) count + n;
    if (need > buf.length) {
      if (need > Integer.MAX_VALUE - 8) {
        throw new OutOfMemoryError("a chunk of more than 2 GiB");
      }
      buf =
          Arrays.copyOf(
              buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * buf.length)));
    }
  }

  /** The array to write into at {@link #size()}, valid until the next {@link #room}. */
  byte[] array() {
    return buf;
  }

  /** Takes the bytes written into {@link #array()} up to {@code end} as written. */
  void advance(int end) {
    count = end;
  }

  /** Writes the bytes a buffer's worth at a time: a failing output fails at the first. */
  void writeInSlices(OutputStream out) throws IOException {
    for (int at = 0; at < count; at += InputStreams.BUFFER) {
      out.write(buf, at, Math.min(InputStreams.BUFFER, count - at));
    }
  }
}
