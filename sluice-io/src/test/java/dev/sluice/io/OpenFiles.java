package dev.sluice.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts this process's open file descriptors that point under a directory, from {@code
 * /proc/self/fd} (Linux): the real count of files and directory streams a reader left open.
 */
final class OpenFiles {
  private OpenFiles() {}

  /** Whether the count can be taken here. */
  static boolean available() {
    return Files.isDirectory(Path.of("/proc/self/fd"));
  }

  /** Open descriptors whose target is {@code dir} or under it. */
  static long under(Path dir) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> pointsUnder(fd, real)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean pointsUnder(Path fd, Path dir) {
    try {
      return Files.readSymbolicLink(fd).startsWith(dir);
    } catch (IOException | UnsupportedOperationException e) {
      return false; // the descriptor closed while we listed (the listing's own, for one)
    }
  }
}
