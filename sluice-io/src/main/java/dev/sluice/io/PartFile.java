package dev.sluice.io;

import dev.sluice.ResumeRefusedException;
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
 * length and continues from the position, so after a crash at any point ({@code kill -9}, a power
 * cut) the finished file is byte for byte the file of an uninterrupted run, provided chunks end at
 * the same elements in both (chunks of a fixed number of elements do). {@link #complete} renames
 * the part onto the output and deletes the position file. Chunks come from a {@link ChunkEncoder}.
 *
 * <p>The position file also holds a fingerprint of the job (its options and its input's {@link
 * FileFingerprint}): a rerun with another fingerprint is refused with a {@link
 * ResumeRefusedException}, as is a damaged position file. Confined to one thread; close it on every
 * way out (it keeps the part and the position for a later resume).
 *
 * <pre>{@code
 * PartFile.Saved saved = PartFile.load(out);                       // null: a fresh run
 * try (PartFile part = PartFile.open(out, fingerprint, saved)) {
 *   source.after(Optional.ofNullable(saved).map(PartFile.Saved::position))
 *       .batch(1000)
 *       .forEach(b -> part.append(chunks.encode(items(b)), b.size(), last(b).position()));
 *   part.complete();
 * }
 * }</pre>
 */
public final class PartFile implements AutoCloseable {
  private static final String MAGIC = "sluice-part-position 1";
  private static final String OLD_MAGIC = "sluice-export-position 1";
  private final Path output;
  private final Path part;
  private final Path pos;
  private final String fingerprint;
  private final FileChannel channel;
  private long rows;

  /**
   * What a position file holds.
   *
   * @param fingerprint the job's fingerprint
   * @param bytes the committed length of the part file
   * @param rows the elements committed
   * @param position the source position after the last committed element; empty before the first
   */
  public record Saved(String fingerprint, long bytes, long rows, String position) {}

  private PartFile(Path output, String fingerprint, FileChannel channel, long rows) {
    this.output = output;
    this.part = part(output);
    this.pos = pos(output);
    this.fingerprint = fingerprint;
    this.channel = channel;
    this.rows = rows;
  }

  /** The part file of {@code output}: {@code OUTPUT.part}. */
  public static Path part(Path output) {
    return output.resolveSibling(output.getFileName() + ".part");
  }

  /** The position file of {@code output}: {@code OUTPUT.part.pos}. */
  public static Path pos(Path output) {
    return output.resolveSibling(output.getFileName() + ".part.pos");
  }

  /** The saved position of an interrupted run, or null if there is none. */
  public static Saved load(Path output) throws IOException {
    Path pos = pos(output);
    if (!Files.exists(pos)) {
      return null;
    }
    List<String> lines = Files.readAllLines(pos, StandardCharsets.UTF_8);
    if (lines.size() != 5 || !(lines.get(0).equals(MAGIC) || lines.get(0).equals(OLD_MAGIC))) {
      throw new ResumeRefusedException(pos + " is not a sluice position file; remove it");
    }
    return new Saved(
        lines.get(1), Long.parseLong(lines.get(2)), Long.parseLong(lines.get(3)), lines.get(4));
  }

  /**
   * Opens the part file, truncated to what {@code saved} committed (empty if null); refuses a
   * {@code saved} of another {@code fingerprint}.
   */
  public static PartFile open(Path output, String fingerprint, Saved saved) throws IOException {
    if (fingerprint.indexOf('\n') >= 0 || fingerprint.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("fingerprint must be one line, was " + fingerprint);
    }
    if (saved != null && !saved.fingerprint().equals(fingerprint)) {
      throw new ResumeRefusedException(
          "the interrupted run in "
              + pos(output)
              + " was another job ("
              + saved.fingerprint()
              + "; this one is "
              + fingerprint
              + "); rerun it as it was, or remove "
              + part(output)
              + " and "
              + pos(output));
    }
    FileChannel channel =
        FileChannel.open(part(output), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long bytes = saved == null ? 0 : saved.bytes();
    if (channel.size() < bytes) {
      channel.close();
      throw new ResumeRefusedException(
          part(output) + " is shorter than its position file says; remove both and start again");
    }
    channel.truncate(bytes);
    channel.position(bytes);
    return new PartFile(output, fingerprint, channel, saved == null ? 0 : saved.rows());
  }

  /**
   * Appends {@code bytes} and commits them with {@code count} more elements at {@code position}:
   * when it returns, both are on disk.
   */
  public void append(byte[] bytes, long count, String position) throws IOException {
    checkPosition(position);
    write(bytes, 0, bytes.length);
    commit(count, position);
  }

  /**
   * Appends {@code length} bytes of {@code bytes} from {@code offset} without committing them: a
   * rerun cuts them off again unless a {@link #commit} follows. For a chunk streamed in pieces.
   */
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /**
   * Commits the bytes written since the last commit with {@code count} more elements at {@code
   * position}: when it returns, both are on disk.
   */
  public void commit(long count, String position) throws IOException {
    checkPosition(position);
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

  private static void checkPosition(String position) {
    if (position.indexOf('\n') >= 0 || position.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("position must be one line, was " + position);
    }
  }

  /** The elements committed so far, by this run and the runs it resumes. */
  public long rows() {
    return rows;
  }

  /** Fsyncs and closes the part, renames it onto the output and deletes the position file. */
  public void complete() throws IOException {
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
