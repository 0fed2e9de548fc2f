package dev.sluice.jdbc.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A temporary file that holds one chunk of an export's bytes until the chunk is whole and known to
 * be exact, then hands them on in pieces: a pipe cannot take back bytes written to it, and a chunk
 * can be larger than memory should hold. The file is unlinked as soon as it is open (on systems
 * that allow it; else deleted on close), so nothing is left behind, even by {@code kill -9}. Holds
 * one chunk on disk and one piece of {@value #PIECE} bytes in memory; confined to one thread.
 */
public final class ChunkSpool implements AutoCloseable {
  /** The size of the pieces {@link #drainTo} hands on. */
  public static final int PIECE = 1 << 16;

  private final Path file;
  private final FileChannel channel;

  private ChunkSpool(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** A new, empty spool in the directory of temporary files ({@code java.io.tmpdir}). */
  public static ChunkSpool create() throws IOException {
    Path file;
    try {
      file = Files.createTempFile("sluice-chunk-", ".spool");
    } catch (IOException e) {
      throw new IOException(
          "cannot make a temporary file for the export's chunks in java.io.tmpdir ("
              + System.getProperty("java.io.tmpdir")
              + "): "
              + e,
          e);
    }
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    try {
      Files.deleteIfExists(file); // the open channel keeps the data
    } catch (IOException e) {
      // not on this system: DELETE_ON_CLOSE removes it
    }
    return new ChunkSpool(file, channel);
  }

  /** A stream for the next chunk's bytes; what the spool held before is dropped. */
  public OutputStream open() throws IOException {
    channel.truncate(0);
    channel.position(0);
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        try {
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        } catch (IOException e) {
          throw new IOException(
              "cannot hold a chunk of the export in the temporary file "
                  + file
                  + " (java.io.tmpdir): "
                  + e.getMessage(),
              e);
        }
      }
    };
  }

  /** Hands the chunk's bytes to {@code out} in order, in new arrays of at most {@value #PIECE}. */
  public void drainTo(Consumer<byte[]> out) throws IOException {
    long size = channel.position();
    for (long at = 0; at < size; ) {
      ByteBuffer piece = ByteBuffer.allocate((int) Math.min(PIECE, size - at));
      while (piece.hasRemaining()) {
        int read = channel.read(piece, at + piece.position());
        if (read < 0) {
          throw new IOException("the temporary file " + file + " was cut short");
        }
      }
      at += piece.capacity();
      out.accept(piece.array());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
