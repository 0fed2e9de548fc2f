package dev.sluice.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Files with identical content, found by {@link FileTree#duplicates}.
 *
 * @param size the size of each file in bytes
 * @param sha256 their SHA-256, lowercase hex
 * @param paths the files, in the order they were found (at least two)
 */
public record DuplicateGroup(long size, String sha256, List<Path> paths) {
  /** Copies the list. */
  public DuplicateGroup {
    paths = List.copyOf(paths);
  }

  /** The bytes that deleting all but one copy would free. */
  public long waste() {
    return size * (paths.size() - 1);
  }
}
