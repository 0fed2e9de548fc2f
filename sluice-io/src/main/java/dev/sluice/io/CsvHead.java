package dev.sluice.io;

import dev.sluice.io.internal.CsvBoundaries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Whether a CSV file can be read from a record boundary found in its bytes, and where its header
 * ends: for {@link ParallelCsv}'s chunks and {@link RowFile}'s byte offsets.
 */
final class CsvHead {
  private static final Set<Charset> ASCII_COMPATIBLE =
      Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

  private CsvHead() {}

  /**
   * Whether {@code settings} read CSV that a byte-level pass can read as they do: UTF-8 or
   * US-ASCII, strict, an ASCII separator and quote that differ and are neither CR nor LF.
   */
  static boolean onBytes(CsvSettings settings) {
    Charset cs = settings.charset();
    char sep = settings.fieldSeparator();
    char quote = settings.quoteCharacter();
    return (cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII))
        && !settings.lenient()
        && sep < 0x80
        && quote < 0x80
        && sep != quote
        && sep != '\r'
        && sep != '\n'
        && quote != '\r'
        && quote != '\n';
  }

  /** Whether the file's bytes can be cut at LF bytes: a plain file in an ASCII-based charset. */
  static boolean splittable(Path file, CsvSettings settings) throws IOException {
    if (!Files.isRegularFile(file)
        || !ASCII_COMPATIBLE.contains(settings.charset())
        || settings.fieldSeparator() > 0x7F
        || settings.quoteCharacter() > 0x7F) {
      return false;
    }
    return !isGzip(file);
  }

  /** Whether the file starts with gzip's magic bytes. */
  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1F && in.read() == 0x8B;
    }
  }

  /**
   * The end of the header record (after its LF) if it is the first line's one record and ends in
   * the first {@code chunkSize} bytes (at least 64 KiB); else -1, as for an empty first line or a
   * lone CR: such a file is read from the start.
   */
  static long headerEnd(Path file, CsvSettings settings, int chunkSize) throws IOException {
    byte[] head = new byte[(int) Math.min(Files.size(file), Math.max(chunkSize, 1 << 16))];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int n = 0;
      while (n < head.length) {
        int r = channel.read(ByteBuffer.wrap(head, n, head.length - n), n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      int from =
          n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF
              ? 3
              : 0;
      if (from >= n || head[from] == '\r' || head[from] == '\n') {
        return -1;
      }
      int end =
          new CsvBoundaries(settings.fieldSeparator(), settings.quoteCharacter())
              .scan(head, from, n, from);
      for (int i = from; i < end - 1; i++) {
        if (head[i] == '\r' && head[i + 1] != '\n') {
          return -1;
        }
      }
      return end;
    }
  }
}
