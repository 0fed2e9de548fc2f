package dev.sluice.io.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time in a {@code long} (SIMD within a register): reading and writing them, and
 * finding bytes of given values in them. Stateless; thread-safe.
 */
final class Swar {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long ONES = 0x0101010101010101L;
  static final long HIGH = 0x8080808080808080L;

  private Swar() {}

  /** The eight bytes at {@code b[i]}, the first in the lowest bits. */
  static long get(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** Writes {@code x} as eight bytes at {@code b[i]}. */
  static void set(byte[] b, int i, long x) {
    LONGS.set(b, i, x);
  }

  /** {@code b} in every byte. */
  static long repeat(int b) {
    return ONES * (b & 0xFF);
  }

  /**
   * The high bit set in the first byte of {@code x} equal to the byte repeated in {@code pattern},
   * if any (bits above it may be set too): 0 if none is.
   */
  static long equal(long x, long pattern) {
    long y = x ^ pattern;
    return (y - ONES) & ~y & HIGH;
  }

  /** Nonzero if a byte of {@code x} (all below 0x80) is below {@code 0x20}. */
  static long control(long x) {
    return (x - 0x2020202020202020L) & ~x & HIGH;
  }

  /** The index (0-7) of the first byte flagged in a nonzero result of {@link #equal}. */
  static int first(long flags) {
    return Long.numberOfTrailingZeros(flags) >>> 3;
  }
}
