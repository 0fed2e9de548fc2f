package dev.sluice.io;

import java.nio.file.Path;

/**
 * A path a tolerant {@link FileTree} run passed over, and why: a directory or file that cannot be
 * read, a dangling link, a file that changed while it was hashed.
 *
 * @param path the path
 * @param reason what went wrong, for a message
 */
public record Skipped(Path path, String reason) {}
