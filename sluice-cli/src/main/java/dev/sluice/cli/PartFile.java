package dev.sluice.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A resumable output file: data goes to {@code OUTPUT.part}; after each chunk the part is fsynced
 * and its committed length, row count and source position are written to {@code OUTPUT.part.pos} (a
 * temporary file, fsynced and renamed over it). A rerun truncates the part back to the committed
 * length and continues from the position; {@link #complete} renames the part onto the output and
 * deletes the position file. Confined to one thread.
 */
final class PartFile implements AutoCloseable {
  private static final String MAGIC = "sluice-export-position 1";
  private final Path output;
  private final Path part;
  private final Path pos;
  private final String fingerprint;
  private final FileChannel channel;
  private long rows;

  /** What a position file holds; {@code position} is empty before the first row. */
  record Saved(String fingerprint, long bytes, long rows, String position) {}

  private PartFile(Path output, String fingerprint, FileChannel channel, long rows) {
    this.output = output;
    this.part = part(output);
    this.pos = pos(output);
    this.fingerprint = fingerprint;
    this.channel = channel;
    this.rows = rows;
  }

  static Path part(Path output) {
    return output.resolveSibling(output.getFileName() + ".part");
  }

  static Path pos(Path output) {
    return output.resolveSibling(output.getFileName() + ".part.pos");
  }

  /** The saved position of an interrupted run, or null if there is none. */
  static Saved load(Path output) throws IOException {
    Path pos = pos(output);
    if (!Files.exists(pos)) {
      return null;
    }
    List<String> lines = Files.readAllLines(pos, StandardCharsets.UTF_8);
    if (lines.size() != 5 || !lines.get(0).equals(MAGIC)) {
      throw new UsageException(pos + " is not a sluice export position file; remove it");
    }
    return new Saved(
        lines.get(1), Long.parseLong(lines.get(2)), Long.parseLong(lines.get(3)), lines.get(4));
  }

  /** Opens the part file, truncated to what {@code saved} committed (empty if null). */
  static PartFile open(Path output, String fingerprint, Saved saved) throws IOException {
    FileChannel channel =
        FileChannel.open(part(output), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long bytes = saved == null ? 0 : saved.bytes();
    if (channel.size() < bytes) {
      channel.close();
      throw new UsageException(
          part(output) + " is shorter than its position file says; remove both and start again");
    }
    channel.truncate(bytes);
    channel.position(bytes);
    return new PartFile(output, fingerprint, channel, saved == null ? 0 : saved.rows());
  }

  /** Appends {@code bytes} and commits them with {@code count} more rows at {@code position}. */
  void append(byte[] bytes, int count, String position) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
    rows += count;
    Path tmp = pos.resolveSibling(pos.getFileName() + ".tmp");
    String text = String.join("\n", MAGIC, fingerprint, "" + channel.size(), "" + rows, position);
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)));
      out.force(false);
    }
    move(tmp, pos);
  }

  /** The rows committed so far, by this run and the runs it resumes. */
  long rows() {
    return rows;
  }

  /** Fsyncs and closes the part, renames it onto the output and deletes the position file. */
  void complete() throws IOException {
    channel.force(true);
    channel.close();
    move(part, output);
    Files.deleteIfExists(pos);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
