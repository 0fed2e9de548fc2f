package dev.sluice.io.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The common case of UTF-8 decoding, several times faster than the JDK's decoder on text that mixes
 * ASCII with accented letters (the JDK's leaves its vectorised ASCII loop at the first non-ASCII
 * byte and never comes back). Decodes ASCII eight bytes at a time, and well-formed two- and
 * three-byte sequences; it stops, leaving the rest to a {@link java.nio.charset.CharsetDecoder}, at
 * anything else: a four-byte sequence, a malformed or overlong one, an encoded surrogate, or a
 * sequence cut by the end of the input. So it only ever decodes what the JDK decoder would decode
 * the same way, and every error is still the JDK decoder's to find and report.
 */
final class Utf8Fast {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8Fast() {}

  /**
   * Decodes {@code src[sp..sl)} into {@code dst[dp..dl)} until either is used up or a byte it
   * leaves to the JDK's decoder; returns the new positions as {@code (sp << 32) | dp}.
   */
  static long decode(byte[] src, int sp, int sl, char[] dst, int dp, int dl) {
    while (sp < sl && dp < dl) {
      // find the run of ASCII, eight bytes per test, then widen it in one simple (vectorisable)
      // loop
      int limit = sp + Math.min(sl - sp, dl - dp);
      int end = sp;
      while (end + 8 <= limit && ((long) LONGS.get(src, end) & HIGH_BITS) == 0) {
        end += 8;
      }
      while (end < limit && src[end] >= 0) {
        end++;
      }
      for (int i = sp; i < end; i++) {
        dst[dp + i - sp] = (char) src[i];
      }
      dp += end - sp;
      sp = end;
      if (sp == sl || dp == dl) {
        break;
      }
      int b1 = src[sp];
      if (b1 >= 0) {
        dst[dp++] = (char) b1;
        sp++;
      } else if ((b1 & 0xE0) == 0xC0 && (b1 & 0x1E) != 0) {
        // C2..DF 80..BF (C0 and C1 would be overlong)
        if (sp + 1 == sl || !continuation(src[sp + 1])) {
          break;
        }
        dst[dp++] = (char) (((b1 & 0x1F) << 6) | (src[sp + 1] & 0x3F));
        sp += 2;
      } else if ((b1 & 0xF0) == 0xE0) {
        if (sp + 2 >= sl || !continuation(src[sp + 1]) || !continuation(src[sp + 2])) {
          break;
        }
        char c = (char) (((b1 & 0x0F) << 12) | ((src[sp + 1] & 0x3F) << 6) | (src[sp + 2] & 0x3F));
        if (c < 0x800 || Character.isSurrogate(c)) {
          break; // overlong, or an encoded surrogate: malformed, for the JDK decoder to report
        }
        dst[dp++] = c;
        sp += 3;
      } else {
        break;
      }
    }
    return ((long) sp << 32) | dp;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
