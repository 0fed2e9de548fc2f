package dev.sluice.cli;

import dev.sluice.io.PartFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part files of an interrupted {@code --resume} run, as {@code export} and {@code convert}
 * treat them.
 */
final class Leftovers {
  private Leftovers() {}

  /**
   * The saved state of an interrupted run to {@code target} when {@code resume}, else null; a usage
   * error when such a run left files and {@code resume} is off, since a fresh run would silently
   * throw its work away.
   */
  static PartFile.Saved check(Path target, boolean resume, String command) throws IOException {
    Path part = PartFile.part(target);
    Path pos = PartFile.pos(target);
    if (!resume && (Files.exists(part) || Files.exists(pos))) {
      throw new UsageException(
          "an interrupted "
              + command
              + " left "
              + (Files.exists(part) ? part : pos)
              + "; rerun it with --resume to continue it, or remove "
              + part
              + " and "
              + pos);
    }
    return resume ? PartFile.load(target) : null;
  }
}
