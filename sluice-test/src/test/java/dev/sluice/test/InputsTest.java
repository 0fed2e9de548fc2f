package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputsTest {
  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, 33, 99, 9999})
  void everyCutGivesTheSameBytes(int n) throws IOException {
    byte[] data = bytes(n);
    try (InputStream one = Inputs.oneBytePerRead(data)) {
      byte[] buf = new byte[64];
      int got = one.read(buf, 0, 64);
      assertThat(got).isEqualTo(n == 0 ? -1 : 1);
    }
    assertThat(Inputs.oneBytePerRead(data).readAllBytes()).isEqualTo(data);
    for (long seed = 0; seed < 20; seed++) {
      assertThat(Inputs.randomCuts(data, seed).readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void readersAreCutToo() throws IOException {
    String text = "héllo wörld ".repeat(50);
    char[] buf = new char[64];
    try (Reader one = Inputs.oneCharPerRead(text)) {
      assertThat(one.read(buf, 0, 64)).isEqualTo(1);
    }
    for (long seed = 0; seed < 20; seed++) {
      StringBuilder sb = new StringBuilder();
      try (Reader r = Inputs.randomCuts(text, seed)) {
        for (int k; (k = r.read(buf, 0, buf.length)) >= 0; ) {
          sb.append(buf, 0, k);
        }
      }
      assertThat(sb.toString()).isEqualTo(text);
    }
  }

  @Test
  void aFailingStreamGivesItsBytesThenTheFailure() {
    byte[] data = "abcdefghij".getBytes(StandardCharsets.US_ASCII);
    IOException boom = new IOException("boom");
    InputStream in = Inputs.failingAfter(data, 4, boom, 7);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    assertThatThrownBy(
            () -> {
              byte[] buf = new byte[3];
              for (int k; (k = in.read(buf, 0, 3)) >= 0; ) {
                got.write(buf, 0, k);
              }
            })
        .isSameAs(boom);
    assertThat(got.toString(StandardCharsets.US_ASCII)).isEqualTo("abcd");
  }

  @Test
  void aStallingStreamBlocksUntilInterrupted() throws Exception {
    CountDownLatch stalled = new CountDownLatch(1);
    InputStream in = Inputs.stallingAfter(new byte[] {1, 2}, 2, stalled);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    in.readAllBytes();
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                });
    stalled.await();
    reader.interrupt();
    reader.join();
    assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
  }
}
