package dev.sluice.io;

import dev.sluice.CheckedFunction;
import dev.sluice.CheckedSupplier;
import dev.sluice.Sink;
import dev.sluice.io.internal.AtomicFileWriter;
import dev.sluice.io.internal.StreamWriter;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a sink's bytes go: a file written atomically, standard output, or any stream. Immutable and
 * thread-safe; each run of a sink built on it opens the target anew.
 *
 * <p>A {@link #file(Path) file} is written to a temporary file beside the target, which commit
 * flushes, syncs to disk and renames over the target, and abort deletes: readers see the old file
 * or the whole new one, and a failed run leaves no partial file. A target whose name ends in {@code
 * .gz} is gzip-compressed. Streams ({@link #stdout()}, {@link #stream}) cannot be atomic: what was
 * written before a failure stays written.
 */
public final class Output {
  private final String name;
  private final Path path;
  private final CheckedSupplier<? extends OutputStream> opener;
  private final boolean cleanupOnShutdown;

  private Output(
      String name,
      Path path,
      CheckedSupplier<? extends OutputStream> opener,
      boolean cleanupOnShutdown) {
    this.name = name;
    this.path = path;
    this.opener = opener;
    this.cleanupOnShutdown = cleanupOnShutdown;
  }

  /** The file at {@code path}, replaced atomically on commit; gzip if the name ends in .gz. */
  public static Output file(Path path) {
    return new Output(Objects.requireNonNull(path, "path").toString(), path, null, true);
  }

  /**
   * Standard output ({@code System.out} at the time a run starts), flushed on commit and never
   * closed; a write error (such as a closed pipe) fails the commit.
   */
  public static Output stdout() {
    return stream("<stdout>", () -> System.out);
  }

  /** The streams {@code opener} returns, one per run, closed at the end of the run. */
  public static Output stream(String name, CheckedSupplier<? extends OutputStream> opener) {
    return new Output(
        Objects.requireNonNull(name, "name"), null, Objects.requireNonNull(opener, "opener"), true);
  }

  /**
   * This output, but a file's temporary file is not deleted when the JVM shuts down before the run
   * committed (SIGTERM, Ctrl-C): for a caller that commits it from a shutdown hook of its own, such
   * as a recorder that keeps what it received when it is stopped. A temporary file left behind when
   * the process dies without committing is removed by the next output to the same target.
   */
  public Output keptOnShutdown() {
    return new Output(name, path, opener, false);
  }

  /** The name used in messages. */
  public String name() {
    return name;
  }

  /**
   * A sink that writes each run's elements with the encoder {@code encoder} makes for the run's
   * stream.
   */
  public <T> Sink<T> sink(CheckedFunction<? super OutputStream, ? extends Encoder<T>> encoder) {
    Objects.requireNonNull(encoder, "encoder");
    if (path != null) {
      return () -> AtomicFileWriter.open(path, encoder, cleanupOnShutdown);
    }
    return () -> StreamWriter.open(name, opener, encoder, name.equals("<stdout>"));
  }

  @Override
  public String toString() {
    return "Output[" + name + "]";
  }
}
