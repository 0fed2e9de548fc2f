package dev.sluice.io;

import dev.sluice.CheckedFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes elements a chunk at a time into byte arrays, for an output that commits chunk by chunk
 * ({@link PartFile}). One {@link Encoder} serves every chunk, so whatever it remembers (a header it
 * wrote) carries over; each chunk's bytes are what the encoder wrote for its elements, {@link
 * Encoder#flush() flushed}. With gzip each chunk is a complete gzip member, so chunks appended to a
 * file make a valid gzip file, and a file cut back to a chunk boundary is one too.
 *
 * <p>Not thread-safe; one per run. Holds the bytes of one chunk at a time.
 *
 * <pre>{@code
 * var chunks = new ChunkEncoder<List<String>>(out -> Csv.encoder(out, CsvWriteSettings.defaults()), true);
 * byte[] first = chunks.encode(List.of(List.of("a", "b")));   // a gzip member holding "a,b\n"
 * }</pre>
 *
 * @param <T> the element type
 */
public final class ChunkEncoder<T> {
  private final boolean gzip;
  private final Switch target = new Switch();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
  private final Encoder<T> encoder;

  /**
   * A chunk encoder over the encoder {@code encoder} makes for its stream; gzip-compressed chunks
   * if {@code gzip}.
   */
  public ChunkEncoder(
      CheckedFunction<? super OutputStream, ? extends Encoder<T>> encoder, boolean gzip)
      throws Exception {
    this.gzip = gzip;
    this.encoder = Objects.requireNonNull(encoder, "encoder").apply(target);
  }

  /**
   * The bytes of {@code items}, encoded after everything encoded before; no bytes at all (not even
   * an empty gzip member) when the encoder wrote nothing.
   */
  public byte[] encode(Iterable<? extends T> items) throws IOException {
    return chunk(items, false);
  }

  /** The bytes of {@code items} and then of the encoder's {@link Encoder#finish() finish}. */
  public byte[] encodeLast(Iterable<? extends T> items) throws IOException {
    return chunk(items, true);
  }

  private byte[] chunk(Iterable<? extends T> items, boolean last) throws IOException {
    bytes.reset();
    target.written = 0;
    GZIPOutputStream member = gzip ? new GZIPOutputStream(bytes, 1 << 13) : null;
    target.to = member != null ? member : bytes;
    for (T item : items) {
      encoder.write(item);
    }
    if (last) {
      encoder.finish();
    } else {
      encoder.flush();
    }
    if (member != null) {
      member.finish();
    }
    target.to = null;
    if (target.written == 0) {
      return new byte[0];
    }
    return bytes.toByteArray();
  }

  /** The stream the encoder writes to: the current chunk's. */
  private static final class Switch extends OutputStream {
    OutputStream to;
    long written;

    @Override
    public void write(int b) throws IOException {
      current().write(b);
      written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      current().write(b, off, len);
      written += len;
    }

    private OutputStream current() throws IOException {
      if (to == null) {
        throw new IOException("an encoder wrote outside a chunk");
      }
      return to;
    }
  }
}
