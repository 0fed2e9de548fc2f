package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SwarTest {
  /** Eight random bytes, most from a few values that the searches look for. */
  private static byte[] bytes(Random random) {
    byte[] pick = {'"', ',', '\r', '\n', '\\', 0, 0x1F, 0x20, 0x7F, (byte) 0x80, (byte) 0xFF};
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = random.nextBoolean() ? pick[random.nextInt(pick.length)] : (byte) random.nextInt(256);
    }
    return b;
  }

  @Test
  void findsTheFirstByteOfAValue() {
    Random random = new Random(8);
    for (int round = 0; round < 100_000; round++) {
      byte[] b = bytes(random);
      int value = b[random.nextInt(8)] & 0xFF;
      if (random.nextInt(4) == 0) {
        value = random.nextInt(256);
      }
      int expected = -1;
      for (int i = 7; i >= 0; i--) {
        if ((b[i] & 0xFF) == value) {
          expected = i;
        }
      }
      long flags = Swar.equal(Swar.get(b, 0), Swar.repeat(value));
      assertThat(flags == 0 ? -1 : Swar.first(flags)).isEqualTo(expected);
    }
  }

  @Test
  void findsControlBytesAmongAscii() {
    Random random = new Random(9);
    for (int round = 0; round < 100_000; round++) {
      byte[] b = bytes(random);
      boolean expected = false;
      for (int i = 0; i < 8; i++) {
        b[i] &= 0x7F;
        expected |= b[i] < 0x20;
      }
      assertThat(Swar.control(Swar.get(b, 0)) != 0).isEqualTo(expected);
    }
  }

  @Test
  void readsAndWritesTheFirstByteLowest() {
    byte[] b = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertThat(Swar.get(b, 1)).isEqualTo(0x0908070605040302L);
    byte[] c = new byte[9];
    Swar.set(c, 1, Swar.get(b, 0));
    assertThat(c).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
  }
}
