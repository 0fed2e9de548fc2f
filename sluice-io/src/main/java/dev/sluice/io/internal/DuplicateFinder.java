package dev.sluice.io.internal;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.io.BadInputException;
import dev.sluice.io.DuplicateGroup;
import dev.sluice.io.FileEntry;
import dev.sluice.io.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds duplicate files: groups by size, hashes only the files that share a size, and reports the
 * groups that share a hash, largest waste first. Holds one entry per file seen. Paths to the same
 * file (hard links, followed symbolic links: one file key) count once, since deleting one frees
 * nothing. With a {@code skipped} handler, a file that cannot be read or that changed while it was
 * hashed (size or modification time) goes to it instead of into a group; without one, it fails the
 * run.
 */
public final class DuplicateFinder {
  private final long minSize;
  private final int maxFiles;
  private final CheckedConsumer<Skipped> skipped;

  /**
   * A finder of files of at least {@code minSize} bytes, holding at most {@code maxFiles}; {@code
   * skipped} is null for a run that fails on the first unreadable or changing file.
   */
  public DuplicateFinder(long minSize, int maxFiles, CheckedConsumer<Skipped> skipped) {
    this.minSize = minSize;
    this.maxFiles = maxFiles;
    this.skipped = skipped;
  }

  /** Runs {@code files} and hands each group of duplicates to {@code out}. */
  public void find(Pipe<FileEntry> files, CheckedConsumer<DuplicateGroup> out) throws Exception {
    Map<Long, List<FileEntry>> bySize = new HashMap<>();
    Set<Object> keys = new HashSet<>();
    long[] held = {0};
    files.forEach(
        file -> {
          if (file.size() < minSize) {
            return;
          }
          if (++held[0] > maxFiles) {
            throw new BadInputException(
                file.path().toString(),
                -1,
                "more than maxFiles " + maxFiles + " files to compare",
                "maxFiles",
                null);
          }
          if (file.fileKey() != null && !keys.add(file.fileKey())) {
            return; // another path to a file already counted
          }
          bySize.computeIfAbsent(file.size(), size -> new ArrayList<>(2)).add(file);
        });
    List<DuplicateGroup> groups = new ArrayList<>();
    for (Map.Entry<Long, List<FileEntry>> candidates : bySize.entrySet()) {
      if (candidates.getValue().size() < 2) {
        continue;
      }
      Map<String, List<Path>> byHash = new LinkedHashMap<>();
      for (FileEntry file : candidates.getValue()) {
        String hash = hash(file);
        if (hash != null) {
          byHash.computeIfAbsent(hash, h -> new ArrayList<>(2)).add(file.path());
        }
      }
      byHash.forEach(
          (hash, paths) -> {
            if (paths.size() > 1) {
              groups.add(new DuplicateGroup(candidates.getKey(), hash, paths));
            }
          });
    }
    groups.sort(
        Comparator.comparingLong(DuplicateGroup::waste)
            .reversed()
            .thenComparing(g -> g.paths().get(0).toString()));
    for (DuplicateGroup group : groups) {
      out.accept(group);
    }
  }

  /** The file's hash, or null when it was skipped: unreadable, or changed since it was seen. */
  private String hash(FileEntry file) throws Exception {
    String hash;
    try {
      hash = Sha256.of(file.path());
      BasicFileAttributes now = Files.readAttributes(file.path(), BasicFileAttributes.class);
      if (file.modifiedMillis() != 0
          && (now.size() != file.size()
              || now.lastModifiedTime().toMillis() != file.modifiedMillis())) {
        return skip(file.path(), "changed while it was read (size or modification time)", null);
      }
    } catch (IOException e) {
      return skip(file.path(), DirectoryWalker.reason(e), e);
    }
    return hash;
  }

  private String skip(Path path, String reason, IOException cause) throws Exception {
    if (skipped == null) {
      if (cause != null) {
        throw cause;
      }
      throw new BadInputException(path.toString(), -1, reason, null, null);
    }
    skipped.accept(new Skipped(path, reason));
    return null;
  }
}
