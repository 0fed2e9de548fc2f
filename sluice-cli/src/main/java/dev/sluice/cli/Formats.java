package dev.sluice.cli;

import dev.sluice.io.FileFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@link FileFormat} of a command's file: from its option if given, else its extension. */
final class Formats {
  private Formats() {}

  /**
   * The format of {@code file}: from {@code option} (named {@code optionName}) if given, else from
   * the extension; {@code -} needs the option. A usage error otherwise.
   */
  static FileFormat resolve(String file, String option, String optionName) {
    try {
      if (option != null) {
        return FileFormat.named(option);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (file.equals("-") && optionName != null) {
      throw new UsageException("'-' needs " + optionName + " csv|jsonl");
    }
    String or = optionName == null ? "" : ", or " + optionName;
    return FileFormat.ofName(file)
        .orElseThrow(
            () ->
                new UsageException(
                    "cannot tell the format of "
                        + file
                        + " (use .csv, .jsonl or .ndjson, each optionally .gz"
                        + or
                        + ")"));
  }

  /**
   * Checks, before any work, that {@code output} (a path, or {@code -}) can be written: its folder
   * exists and it is not itself a folder. A usage error otherwise.
   */
  static void checkOutput(String output) {
    if (output.equals("-")) {
      return;
    }
    Path path = Path.of(output).toAbsolutePath();
    if (Files.isDirectory(path)) {
      throw new UsageException(output + " is a folder; name a file to write");
    }
    if (!Files.isDirectory(path.getParent())) {
      throw new UsageException(
          "cannot write " + output + ": the folder " + path.getParent() + " does not exist");
    }
  }
}
