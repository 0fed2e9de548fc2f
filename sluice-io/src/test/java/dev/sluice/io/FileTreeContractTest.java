package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FileTree.walk} keeps the source contract where it matters for a walk: every directory
 * stream it opened is closed (counted as open descriptors under the tree in {@code /proc/self/fd})
 * after an early stop, a failure after partial output, an interrupt, and an iterator closed early.
 */
class FileTreeContractTest {
  @TempDir Path root;

  @BeforeEach
  void tree() throws IOException {
    assumeTrue(OpenFiles.available(), "needs /proc/self/fd");
    for (String d : new String[] {"a/b/c", "a/d", "e"}) {
      Path dir = Files.createDirectories(root.resolve(d));
      for (int i = 0; i < 5; i++) {
        Files.writeString(dir.resolve("f" + i), "x".repeat(i));
      }
    }
  }

  private Pipe<FileEntry> walk() {
    return FileTree.walk(root, WalkSettings.defaults());
  }

  @Test
  void anEarlyStopDeepInTheTreeClosesEveryDirectory() {
    for (int n = 1; n <= 15; n++) {
      long[] open = {0};
      List<FileEntry> got = new ArrayList<>();
      walk()
          .take(n)
          .forEach(
              e -> {
                got.add(e);
                open[0] = Math.max(open[0], OpenFiles.under(root));
              });
      assertThat(got).hasSize(n);
      assertThat(open[0]).as("directories open during the walk").isGreaterThan(0);
      assertThat(OpenFiles.under(root)).as("after take(%d)", n).isZero();
    }
    assertThat(walk().count()).isEqualTo(15);
    assertThat(OpenFiles.under(root)).isZero();
  }

  @Test
  void aFailureAfterPartialOutputClosesEveryDirectory() {
    IllegalStateException bad = new IllegalStateException("bad");
    for (int n = 0; n < 15; n++) {
      int failAt = n;
      List<FileEntry> seen = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  walk()
                      .forEach(
                          e -> {
                            if (seen.size() == failAt) {
                              throw bad;
                            }
                            seen.add(e);
                          }))
          .isSameAs(bad);
      assertThat(seen).hasSize(n);
      assertThat(OpenFiles.under(root)).isZero();
    }
  }

  @Test
  void anInterruptCancelsTheWalkAndClosesEveryDirectory() throws Exception {
    CountDownLatch consuming = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    walk()
                        .forEach(
                            e -> {
                              consuming.countDown();
                              new CountDownLatch(1).await();
                            });
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                });
    consuming.await();
    runner.interrupt();
    runner.join();
    assertThat(thrown.get()).isInstanceOf(PipeCancelledException.class);
    assertThat(OpenFiles.under(root)).isZero();
  }

  @Test
  void anIteratorClosedEarlyLeavesNoThreadAndNoDirectoryOpen() {
    try (var it = walk().iterator(1)) {
      it.next();
    }
    assertThat(Diagnostics.liveThreads()).isZero();
    assertThat(OpenFiles.under(root)).isZero();
  }
}
