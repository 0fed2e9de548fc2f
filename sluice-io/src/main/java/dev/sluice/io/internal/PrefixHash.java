package dev.sluice.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The hash of the bytes of a file read so far, which a resumed read compares with the one saved
 * with its position to know that the prefix it skips is the prefix the interrupted run read:
 * CRC-32C and CRC-32 of the same bytes, printed as 16 hex digits.
 *
 * <p>Why two CRCs and not SHA-256: the hash guards against an edited, truncated or replaced file,
 * not against an adversary, and it is computed over every byte of every resumable read and again
 * over the whole committed prefix on resume. Both CRCs are JDK intrinsics (CRC32 instructions and
 * carry-less multiplication), 10-40 GB/s on the build machine against 0.4-1 GB/s for SHA-256 and
 * 0.3 GB/s for MD5, so hashing costs about 1% of parsing. Two different polynomials give 64 check
 * bits: every change of up to 32 consecutive bits is found, and a random change passes both with a
 * chance of about 2<sup>-64</sup>. Not thread-safe.
 */
public final class PrefixHash {
  private final CRC32C castagnoli = new CRC32C();
  private final CRC32 ieee = new CRC32();
  private long length;

  /** The hash of no bytes. */
  public PrefixHash() {}

  /** Adds {@code len} bytes of {@code b} from {@code off}. */
  public void update(byte[] b, int off, int len) {
    castagnoli.update(b, off, len);
    ieee.update(b, off, len);
    length += len;
  }

  /** The number of bytes hashed. */
  public long length() {
    return length;
  }

  /** The hash of the bytes so far, as 16 hex digits. */
  public String hex() {
    return String.format("%08x%08x", castagnoli.getValue(), ieee.getValue());
  }

  /**
   * Adds the bytes of {@code channel} from this hash's length up to {@code end} (positioned reads);
   * fails if the file ends before it.
   */
  public void updateTo(FileChannel channel, long end) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    while (length < end) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), end - length));
      int n = channel.read(buffer, length);
      if (n < 0) {
        throw new IOException("the file ends at byte " + length + ", before " + end);
      }
      update(buffer.array(), 0, n);
    }
  }
}
