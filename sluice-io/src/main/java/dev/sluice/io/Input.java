package dev.sluice.io;

import dev.sluice.CheckedSupplier;
import dev.sluice.io.internal.InputStreams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a reader's bytes come from: a file, standard input or any stream, with a name for error
 * messages. Each {@link #open()} opens a fresh stream (the run that opened it closes it; standard
 * input is never closed). A gzip stream is recognised by its magic bytes and decompressed, whatever
 * the name. Immutable and thread-safe.
 *
 * <pre>{@code
 * Pipe<CsvRow> rows = Csv.read(Input.file(Path.of("users.csv.gz")));
 * }</pre>
 */
public final class Input {
  private final String name;
  private final CheckedSupplier<? extends InputStream> opener;
  private final long size;
  private final AtomicLong counter;
  private final Path path;

  private Input(
      String name,
      CheckedSupplier<? extends InputStream> opener,
      long size,
      AtomicLong counter,
      Path path) {
    this.path = path;
    this.name = name;
    this.opener = opener;
    this.size = size;
    this.counter = counter;
  }

  /** The file at {@code path}; its name in messages is the path. */
  public static Input file(Path path) {
    Objects.requireNonNull(path, "path");
    return new Input(path.toString(), () -> Files.newInputStream(path), -2, null, path);
  }

  /** Standard input, named {@code <stdin>}; it is not closed at the end of a run. */
  public static Input stdin() {
    return stream("<stdin>", () -> InputStreams.notClosing(System.in));
  }

  /** The streams {@code opener} returns, one per run, named {@code name} in messages. */
  public static Input stream(String name, CheckedSupplier<? extends InputStream> opener) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
    return new Input(name, opener, -1, null, null);
  }

  /**
   * {@code kind} and the name of {@code input} as one line, a source's name for error notes and
   * progress ({@code "csv orders.csv"}).
   */
  static String label(String kind, Input input) {
    return (kind + " " + input.name()).replace('\n', ' ').replace('\r', ' ');
  }

  /** The name used in error messages. */
  public String name() {
    return name;
  }

  /**
   * The file this input reads, or null for a stream: for a reader that can do more with a file,
   * such as {@link ParallelCsv}.
   */
  public Path path() {
    return path;
  }

  /** The number of raw bytes this input has, if known without reading (a file), else -1. */
  public long size() {
    if (size == -2) {
      try {
        return Files.size(Path.of(name));
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    return size;
  }

  /**
   * This input, adding the number of raw (possibly compressed) bytes read to {@code bytesRead} as
   * they are read; for progress reports.
   */
  public Input counting(AtomicLong bytesRead) {
    return new Input(name, opener, size, Objects.requireNonNull(bytesRead, "bytesRead"), path);
  }

  /** Opens the stream, decompressing gzip; the caller closes it. */
  public InputStream open() throws IOException {
    InputStream raw;
    try {
      raw = opener.get();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot open " + name + ": " + e, e);
    }
    try {
      return InputStreams.gunzipIfGzip(
          counter == null ? raw : InputStreams.counting(raw, counter), name);
    } catch (IOException | RuntimeException | Error e) {
      // The gzip check reads the first bytes; if that fails, nobody else can close the stream.
      try {
        raw.close();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "Input[" + name + "]";
  }
}
