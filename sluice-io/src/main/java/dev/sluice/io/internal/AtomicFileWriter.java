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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;

/**
 * One run of a file output: writes to a temporary file beside the target; commit flushes, fsyncs
 * and renames it over the target; abort deletes it.
 */
public final class AtomicFileWriter<T> implements Sink.Writer<T> {
  private final Path target;
  private final Path temp;
  private final FileOutputStream file;
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
    OutputStream buffered = new BufferedOutputStream(file, InputStreams.BUFFER);
    this.gzip =
        target.getFileName().toString().endsWith(".gz")
            ? new GZIPOutputStream(buffered, InputStreams.BUFFER)
            : null;
    this.out = gzip != null ? gzip : buffered;
    this.encoder = encoder.apply(out);
  }

  /** Creates the temporary file and the encoder over it. */
  public static <T> AtomicFileWriter<T> open(
      Path target, CheckedFunction<? super OutputStream, ? extends Encoder<T>> encoder)
      throws Exception {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    FileOutputStream file = null;
    try {
      setPermissions(temp, absolute);
      file = new FileOutputStream(temp.toFile());
      return new AtomicFileWriter<>(absolute, temp, file, encoder);
    } catch (Throwable t) {
      if (file != null) {
        file.close();
      }
      Files.deleteIfExists(temp);
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
    file.getChannel().force(true);
    closed = true;
    file.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(target.getParent());
  }

  @Override
  public void abort(Throwable cause) throws Exception {
    try {
      if (!closed) {
        closed = true;
        file.close();
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void setPermissions(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      return;
    }
    Files.setPosixFilePermissions(
        temp,
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--"));
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
