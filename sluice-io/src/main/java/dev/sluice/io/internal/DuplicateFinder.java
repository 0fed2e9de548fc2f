package dev.sluice.io.internal;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.io.BadInputException;
import dev.sluice.io.DuplicateGroup;
import dev.sluice.io.FileEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds duplicate files: groups by size, hashes only the files that share a size, and reports the
 * groups that share a hash, largest waste first. Holds one entry per file seen.
 */
public final class DuplicateFinder {
  private final long minSize;
  private final int maxFiles;

  /** A finder of files of at least {@code minSize} bytes, holding at most {@code maxFiles}. */
  public DuplicateFinder(long minSize, int maxFiles) {
    this.minSize = minSize;
    this.maxFiles = maxFiles;
  }

  /** Runs {@code files} and hands each group of duplicates to {@code out}. */
  public void find(Pipe<FileEntry> files, CheckedConsumer<DuplicateGroup> out) throws Exception {
    Map<Long, List<Path>> bySize = new HashMap<>();
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
          bySize.computeIfAbsent(file.size(), size -> new ArrayList<>(2)).add(file.path());
        });
    List<DuplicateGroup> groups = new ArrayList<>();
    for (Map.Entry<Long, List<Path>> candidates : bySize.entrySet()) {
      if (candidates.getValue().size() < 2) {
        continue;
      }
      Map<String, List<Path>> byHash = new LinkedHashMap<>();
      for (Path path : candidates.getValue()) {
        byHash.computeIfAbsent(Sha256.of(path), hash -> new ArrayList<>(2)).add(path);
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
}
