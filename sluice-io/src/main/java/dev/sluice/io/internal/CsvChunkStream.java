package dev.sluice.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a CSV file from a record start to the end of a chunk: up to the first record
 * boundary (an LF outside quotes, found by {@link CsvBoundaries}) at or after a position, or the
 * end of the file. Reads the file with positioned reads, so many streams can share one channel;
 * holds no buffer of its own. An overrun limit stops a stream whose chunk would run on too far (a
 * guessed start inside a quoted field can make the boundary very far away): the read that passes it
 * fails and {@link #overran()} says so. Not thread-safe; closing it does not close the channel.
 */
public final class CsvChunkStream extends InputStream {
  private final FileChannel channel;
  private final long limit;
  private final long lookFrom;
  private final long overrunAt;
  private final CsvBoundaries boundaries;
  private long position;
  private boolean done;
  private boolean overran;

  /**
   * The bytes of {@code channel} from {@code start} (a record start) to the position after the
   * first LF outside quotes at an index {@code >= lookFrom}, or to {@code limit}; a read that goes
   * past {@code overrunAt} without finding it fails.
   */
  public CsvChunkStream(
      FileChannel channel,
      long start,
      long limit,
      long lookFrom,
      long overrunAt,
      CsvBoundaries boundaries) {
    this.channel = channel;
    this.position = start;
    this.limit = limit;
    this.lookFrom = lookFrom;
    this.overrunAt = overrunAt;
    this.boundaries = boundaries;
  }

  /** The position in the file after the last byte read: the chunk's end once the stream ended. */
  public long position() {
    return position;
  }

  /** Whether a read failed because the chunk ran past the overrun limit. */
  public boolean overran() {
    return overran;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int want = (int) Math.min(len, limit - position);
    if (done || want <= 0) {
      done = true;
      return -1;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, want), position);
    if (n <= 0) {
      done = true; // the file is shorter than it was
      return -1;
    }
    long ahead = lookFrom - position;
    int look = ahead <= 0 ? off : (int) Math.min(off + ahead, off + (long) n);
    int end = boundaries.scan(b, off, off + n, look);
    if (end >= 0) {
      n = end - off;
      done = true;
    }
    position += n;
    if (!done && position > overrunAt) {
      overran = true;
      throw new IOException("the chunk runs past its overrun limit at byte " + overrunAt);
    }
    return n;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }
}
