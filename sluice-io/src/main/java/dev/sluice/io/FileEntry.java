package dev.sluice.io;

import java.nio.file.Path;

/**
 * A regular file found by {@link FileTree#walk}, with its size in bytes at the time it was seen.
 *
 * @param path the file
 * @param size its size in bytes
 */
public record FileEntry(Path path, long size) {}
