package dev.sluice.cli;

import dev.sluice.CheckedConsumer;
import dev.sluice.io.DuplicateGroup;
import dev.sluice.io.FileTree;
import dev.sluice.io.Skipped;
import dev.sluice.io.WalkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice dupes}: groups of identical files, largest waste first. */
@Command(
    name = "dupes",
    mixinStandardHelpOptions = true,
    description = "Finds groups of identical files under DIR, largest waste first.")
final class DupesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "the directory to search")
  Path dir;

  @Option(
      names = "--min-size",
      paramLabel = "BYTES",
      description = "ignore smaller files (default: ${DEFAULT-VALUE})")
  long minSize = 1;

  @Option(names = "--follow-links", description = "follow symbolic links")
  boolean followLinks;

  @Override
  public Integer call() {
    if (minSize < 0) {
      throw new UsageException("--min-size must be >= 0, was " + minSize);
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + ": not a directory");
    }
    WalkSettings settings = WalkSettings.defaults().withFollowLinks(followLinks);
    long[] totals = new long[2];
    long[] skipped = {0};
    CheckedConsumer<Skipped> warn =
        s -> {
          skipped[0]++;
          System.err.println("sluice: skipped " + s.path() + ": " + s.reason());
        };
    FileTree.duplicates(
            FileTree.walk(dir, settings, warn), minSize, FileTree.DEFAULT_MAX_FILES, warn)
        .forEach(
            group -> {
              print(group);
              totals[0]++;
              totals[1] += group.waste();
            });
    System.out.flush();
    System.err.printf(
        "sluice: %d groups, %d bytes of duplicates%s%n",
        totals[0], totals[1], skipped[0] == 0 ? "" : ", " + skipped[0] + " paths skipped");
    return Main.OK;
  }

  private static void print(DuplicateGroup group) {
    System.out.printf(
        "%d bytes wasted: %d copies of %d bytes, sha256 %s%n",
        group.waste(), group.paths().size(), group.size(), group.sha256());
    for (Path path : group.paths()) {
      System.out.println("  " + path);
    }
  }
}
