package dev.sluice.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file output that syncs its data while more is written. */
class EarlyWritebackTest {
  @TempDir Path dir;

  @Test
  void everyByteArrivesInOrderWhileTheHelperSyncsStepByStep() throws Exception {
    Path file = dir.resolve("out.bin");
    byte[] expected = new byte[300_000];
    new Random(42).nextBytes(expected);
    Random sizes = new Random(7);
    try (FileOutputStream out = new FileOutputStream(file.toFile())) {
      EarlyWriteback early = new EarlyWriteback(out, 10_000);
      int at = 0;
      while (at < expected.length) {
        int n = Math.min(expected.length - at, sizes.nextInt(3_000));
        if (n == 1) {
          early.write(expected[at]);
        } else {
          early.write(expected, at, n);
        }
        at += n;
      }
      early.finish();
      assertThat(early.synced()).as("syncs served").isBetween(1L, 30L);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(expected);
  }

  @Test
  void closingWithoutFinishingLeavesNoHelperRunning() throws Exception {
    int before = dev.sluice.internal.Threads.live();
    try (FileOutputStream out = new FileOutputStream(dir.resolve("aborted.bin").toFile())) {
      EarlyWriteback early = new EarlyWriteback(out, 1_000);
      early.write(new byte[50_000]);
      early.close(); // an aborted run
      assertThat(dev.sluice.internal.Threads.live()).isEqualTo(before);
    }
  }

  @Test
  void aSyncThatFailsFailsTheFinishEvenThoughEveryWriteSucceeded() throws Exception {
    // a FIFO takes writes, and fdatasync on it fails (EINVAL): a real failure of the helper's sync
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    AtomicLong drained = new AtomicLong();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (InputStream in = new FileInputStream(fifo.toFile())) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                      drained.addAndGet(n);
                    }
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
    try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
      EarlyWriteback early = new EarlyWriteback(out, 1_000);
      early.write(new byte[5_000]);
      assertThatThrownBy(early::finish)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("writing the file out failed: ");
    }
    reader.join();
    assertThat(drained.get()).isEqualTo(5_000);
  }
}
