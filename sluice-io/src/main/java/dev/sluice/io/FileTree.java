package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.io.internal.DirectoryWalker;
import dev.sluice.io.internal.DuplicateFinder;
import dev.sluice.io.internal.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Directory trees: a lazy depth-first walk, streaming SHA-256, and duplicate finding.
 *
 * <pre>{@code
 * FileTree.duplicates(FileTree.walk(Path.of("photos"), WalkSettings.defaults()), 1024)
 *     .forEach(g -> System.out.println(g.waste() + " " + g.paths()));
 * }</pre>
 */
public final class FileTree {
  /** The default for the {@code maxFiles} bound of {@link #duplicates}. */
  public static final int DEFAULT_MAX_FILES = 10_000_000;

  private FileTree() {}

  /**
   * The regular files under {@code root}, depth first, in directory order. Lazy: it holds one open
   * directory per level it is in, never the tree; each directory is closed when the walk leaves it
   * or the run ends. Symbolic links are not followed unless {@code settings} says so.
   */
  public static Pipe<FileEntry> walk(Path root, WalkSettings settings) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(settings, "settings");
    return Pipe.generate(out -> new DirectoryWalker(root, settings, null).walk(out::emit));
  }

  /**
   * Like {@link #walk(Path, WalkSettings)}, but tolerant: a directory or file that cannot be read
   * (no permission, a dangling link, removed meanwhile) goes to {@code skipped}, on the walking
   * thread, and the walk carries on. The root itself must be readable.
   */
  public static Pipe<FileEntry> walk(
      Path root, WalkSettings settings, CheckedConsumer<? super Skipped> skipped) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(skipped, "skipped");
    return Pipe.generate(
        out -> new DirectoryWalker(root, settings, skipped::accept).walk(out::emit));
  }

  /** The SHA-256 of a file's content, lowercase hex, read in 64 KiB chunks. */
  public static String sha256(Path file) throws IOException {
    return Sha256.of(file);
  }

  /**
   * Groups of files with identical content among {@code files}, largest waste first. Files are
   * first grouped by size; only files that share a size with another are hashed. Holds one entry
   * per file of at least {@code minSize} bytes, at most {@link #DEFAULT_MAX_FILES} of them (more
   * fail the run with an error naming {@code maxFiles}).
   */
  public static Pipe<DuplicateGroup> duplicates(Pipe<FileEntry> files, long minSize) {
    return duplicates(files, minSize, DEFAULT_MAX_FILES);
  }

  /** Like {@link #duplicates(Pipe, long)} with another bound on the files held. */
  public static Pipe<DuplicateGroup> duplicates(Pipe<FileEntry> files, long minSize, int maxFiles) {
    return duplicates(files, minSize, maxFiles, null);
  }

  /**
   * Like {@link #duplicates(Pipe, long, int)}, but tolerant: a file that cannot be read, or that
   * changed while it was hashed (its size or modification time differ from the walk's), goes to
   * {@code skipped} instead of into a group. Paths to one file (hard links, followed symbolic
   * links) count once in any case: deleting one of them frees nothing.
   */
  public static Pipe<DuplicateGroup> duplicates(
      Pipe<FileEntry> files, long minSize, int maxFiles, CheckedConsumer<? super Skipped> skipped) {
    Objects.requireNonNull(files, "files");
    if (minSize < 0) {
      throw new IllegalArgumentException("minSize must be >= 0, was " + minSize);
    }
    if (maxFiles < 1) {
      throw new IllegalArgumentException("maxFiles must be >= 1, was " + maxFiles);
    }
    CheckedConsumer<Skipped> handler = skipped == null ? null : skipped::accept;
    return Pipe.generate(
        out -> new DuplicateFinder(minSize, maxFiles, handler).find(files, out::emit));
  }
}
