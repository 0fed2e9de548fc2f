package dev.sluice.io;

import java.io.IOException;

/**
 * Turns elements into bytes on an output stream, for {@link Output#sink}: one encoder per run, used
 * from one thread. The stream belongs to the {@link Output}, which closes it; an encoder only
 * flushes what it buffers in {@link #finish()}.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Encoder<T> {
  /** Writes one element. */
  void write(T item) throws IOException;

  /**
   * Writes what the encoder buffers to the stream, so that the caller may cut the stream here (a
   * chunk of a resumable file, see {@link ChunkEncoder}). An encoder that buffers must override it;
   * every encoder of this package does.
   */
  default void flush() throws IOException {}

  /**
   * Writes whatever the encoder still buffers, and anything that ends the output (a header that no
   * row brought, say); called once, before the output commits.
   */
  default void finish() throws IOException {
    flush();
  }
}
