package dev.sluice.cli;

import java.util.Locale;

/** The file formats {@code convert} reads and writes, known by extension. */
enum Format {
  CSV,
  JSONL;

  /** The format for a file name (.csv, .jsonl, .ndjson, each optionally .gz), or null. */
  static Format ofName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    }
    return null;
  }

  /** The format named on the command line (csv, jsonl, ndjson). */
  static Format ofOption(String option) {
    return switch (option.toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "ndjson" -> JSONL;
      default -> throw new UsageException("unknown format " + option + "; use csv or jsonl");
    };
  }

  /**
   * The format of {@code file}: from {@code option} if given, else from the extension; {@code -}
   * needs the option.
   */
  static Format resolve(String file, String option, String optionName) {
    if (option != null) {
      return ofOption(option);
    }
    if (file.equals("-")) {
      throw new UsageException("'-' needs " + optionName + " csv|jsonl");
    }
    Format format = ofName(file);
    if (format == null) {
      throw new UsageException(
          "cannot tell the format of "
              + file
              + " (use .csv, .jsonl or .ndjson, or "
              + optionName
              + ")");
    }
    return format;
  }

  /**
   * Checks, before any work, that {@code output} (a path, or {@code -}) can be written: its folder
   * exists and it is not itself a folder. A usage error otherwise.
   */
  static void checkOutput(String output) {
    if (output.equals("-")) {
      return;
    }
    java.nio.file.Path path = java.nio.file.Path.of(output).toAbsolutePath();
    if (java.nio.file.Files.isDirectory(path)) {
      throw new UsageException(output + " is a folder; name a file to write");
    }
    java.nio.file.Path dir = path.getParent();
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new UsageException(
          "cannot write " + output + ": the folder " + dir + " does not exist");
    }
  }
}
