package dev.sluice.io.internal;

import dev.sluice.internal.Threads;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * A file's output stream that has the kernel write the file's data out while more is written: each
 * time {@link #STEP} more bytes were written, a helper thread runs {@code fdatasync} on the file
 * (Java has no {@code sync_file_range}), so the {@code fsync} before the atomic rename finds at
 * most a step or two still in memory. That last {@code fsync} of a 430 MB output took 0.2 s of a
 * 1.07 s {@code convert}, the whole disk write, with the cores waiting (docs/adr/0208). The helper
 * syncs one step at a time and never makes the writer wait; {@link #finish()} waits for it and
 * throws the first error any of its syncs had, so a write-back that failed (after which Linux
 * reports nothing to a later {@code fsync}) fails the commit; {@link #close()} waits for it too.
 * Written by one thread.
 */
final class EarlyWriteback extends OutputStream {
  /** Bytes written between two early syncs. */
  static final long STEP = 32L << 20;

  private final FileOutputStream file;
  private final FileChannel channel;
  private final long step;
  private long written;
  private long nextSync;
  private Thread helper;

  /** Set by the writer for the helper: the number of syncs asked for so far. */
  private volatile long asked;

  private volatile long done;
  private volatile IOException failure;
  private volatile boolean finished;

  EarlyWriteback(FileOutputStream file) {
    this(file, STEP);
  }

  /** With another step (tests). */
  EarlyWriteback(FileOutputStream file, long step) {
    this.file = file;
    this.channel = file.getChannel();
    this.step = step;
    this.nextSync = step;
  }

  /** How many of the early syncs asked for the helper has served (tests). */
  long synced() {
    return done;
  }

  @Override
  public void write(int b) throws IOException {
    file.write(b);
    wrote(1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    file.write(b, off, len);
    wrote(len);
  }

  private void wrote(long n) {
    written += n;
    if (written >= nextSync) {
      nextSync = written + step;
      asked++;
      if (helper == null) {
        helper = Threads.start("early-writeback", this::syncs);
      } else {
        LockSupport.unpark(helper);
      }
    }
  }

  private void syncs() {
    while (true) {
      long want = asked;
      if (want == done) {
        if (finished) {
          return;
        }
        LockSupport.park(this);
        continue;
      }
      try {
        if (failure == null) {
          channel.force(false);
        }
      } catch (IOException e) {
        failure = e;
      }
      done = want;
    }
  }

  /**
   * Stops the helper once it has done the syncs asked for, and throws the first error one had. The
   * caller then syncs the file itself.
   */
  void finish() throws IOException {
    finished = true;
    Thread t = helper;
    if (t != null) {
      LockSupport.unpark(t);
      Threads.joinUninterruptibly(t);
    }
    IOException e = failure;
    if (e != null) {
      throw new IOException("writing the file out failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void flush() throws IOException {
    file.flush();
  }

  /**
   * Stops the helper (after the sync it may be running: no thread outlives the file) and closes.
   */
  @Override
  public void close() throws IOException {
    finished = true;
    Thread t = helper;
    if (t != null) {
      LockSupport.unpark(t);
      Threads.joinUninterruptibly(t);
    }
    file.close();
  }
}
