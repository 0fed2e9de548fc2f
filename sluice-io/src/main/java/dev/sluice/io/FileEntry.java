package dev.sluice.io;

import java.nio.file.Path;

/**
 * A regular file found by {@link FileTree#walk}, as it was when it was seen.
 *
 * @param path the file
 * @param size its size in bytes
 * @param modifiedMillis its last-modified time, in milliseconds since the epoch
 * @param fileKey what identifies the file itself on its file system (device and inode on Unix), the
 *     same for every hard link to it and every followed symbolic link; null where the file system
 *     has none
 */
public record FileEntry(Path path, long size, long modifiedMillis, Object fileKey) {
  /** An entry with no modification time or file key known (for tests and hand-made lists). */
  public FileEntry(Path path, long size) {
    this(path, size, 0, null);
  }
}
