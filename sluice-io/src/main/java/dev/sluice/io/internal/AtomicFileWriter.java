package dev.sluice.io.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Sink;
import dev.sluice.io.Encoder;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * One run of a file output: writes to a temporary file beside the target ({@link TempFiles});
 * commit flushes, fsyncs and renames it over the target; abort deletes it. A missing folder or a
 * target that is a folder fails at open, before any work.
 */
public final class AtomicFileWriter<T> implements Sink.Writer<T> {
  private final Path target;
  private final Path temp;
  private final FileOutputStream file;
  private final EarlyWriteback early;
  private final GZIPOutputStream gzip;
  private final OutputStream out;
  private final Encoder<T> encoder;
  private boolean closed;

  private AtomicFileWriter(
      Path target,
      Path temp,
      FileOutputStream file,
      CheckedFunction<? super OutputStream, ? extends Encoder<T>> encoder)
      throws Exception {
    this.target = target;
    this.temp = temp;
    this.file = file;
    this.early = new EarlyWriteback(file);
    OutputStream buffered = new BufferedOutputStream(early, InputStreams.BUFFER);
    this.gzip =
        target.getFileName().toString().endsWith(".gz")
            ? new GZIPOutputStream(buffered, InputStreams.BUFFER)
            : null;
    this.out = gzip != null ? gzip : buffered;
    this.encoder = encoder.apply(out);
  }

  /**
   * Creates the temporary file and the encoder over it; with {@code cleanupOnShutdown} the file is
   * deleted if the JVM shuts down before the run commits.
   */
  public static <T> AtomicFileWriter<T> open(
      Path target,
      CheckedFunction<? super OutputStream, ? extends Encoder<T>> encoder,
      boolean cleanupOnShutdown)
      throws Exception {
    Path absolute = target.toAbsolutePath();
    checkTarget(absolute);
    TempFiles.removeStale(absolute);
    Path temp = TempFiles.reserve(absolute, cleanupOnShutdown);
    FileOutputStream file = null;
    try {
      Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      copyPermissions(absolute, temp);
      file = new FileOutputStream(temp.toFile());
      return new AtomicFileWriter<>(absolute, temp, file, encoder);
    } catch (Throwable t) {
      if (file != null) {
        file.close();
      }
      Files.deleteIfExists(temp);
      TempFiles.release(temp);
      throw t;
    }
  }

  @Override
  public void write(T item) throws Exception {
    encoder.write(item);
  }

  @Override
  public void commit() throws Exception {
    encoder.finish();
    if (gzip != null) {
      gzip.finish();
    }
    out.flush();
    early.finish();
    file.getChannel().force(true);
    closed = true;
    file.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    TempFiles.release(temp);
    syncDirectory(target.getParent());
  }

  @Override
  public void abort(Throwable cause) throws Exception {
    try {
      if (!closed) {
        closed = true;
        early.close();
      }
    } finally {
      Files.deleteIfExists(temp);
      TempFiles.release(temp);
    }
  }

  /**
   * Fails before any work when the target cannot be written: its folder is missing or not a folder,
   * or the target is a folder.
   */
  private static void checkTarget(Path target) throws IOException {
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(
          dir.toString(), null, "the output's folder does not exist (or is not a folder)");
    }
    if (Files.isDirectory(target)) {
      throw new FileSystemException(target.toString(), null, "the output is a folder");
    }
  }

  /**
   * A new file gets the permissions the umask gives (it was created like any other file); a file
   * that replaces another keeps the other's permissions.
   */
  private static void copyPermissions(Path target, Path temp) throws IOException {
    if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Some platforms cannot open or sync a directory; the rename itself is already done.
      return;
    }
  }
}
