package dev.sluice.io;

import java.util.Locale;
import java.util.Optional;

/**
 * The row file formats Sluice reads and writes: what {@link Conversion} converts between, what a
 * table export writes. A file's format is known by its name: {@code .csv}, {@code .jsonl} or {@code
 * .ndjson}, each optionally followed by {@code .gz} (gzip is the file's compression, not its
 * format; {@link Input} and {@link Output} handle it).
 */
public enum FileFormat {
  /** CSV with a header record (RFC 4180), read and written by {@link Csv}. */
  CSV,
  /** JSON Lines: one JSON object a line, read and written by {@link JsonLines}. */
  JSON_LINES;

  /** The format of a file called {@code name} (a path or a file name), if its extension says. */
  public static Optional<FileFormat> ofName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of(JSON_LINES);
    }
    return Optional.empty();
  }

  /**
   * The format called {@code name}, ignoring case: {@code csv}, or {@code jsonl} or {@code ndjson}.
   *
   * @throws IllegalArgumentException naming the formats for any other name
   */
  public static FileFormat named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "ndjson" -> JSON_LINES;
      default ->
          throw new IllegalArgumentException("unknown format " + name + "; use csv or jsonl");
    };
  }
}
