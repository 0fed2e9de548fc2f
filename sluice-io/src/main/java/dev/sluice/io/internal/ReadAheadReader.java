package dev.sluice.io.internal;

import dev.sluice.internal.Threads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A reader that reads (and so decodes) its source on a virtual thread of its own, at most {@code
 * blocks} blocks of {@value #BLOCK} characters ahead of the caller. The thread starts on the first
 * read and has ended when {@link #close()} returns; a failure of the source is thrown by the read
 * that reaches it. The blocks are recycled, so it allocates nothing per block. Not thread-safe.
 */
public final class ReadAheadReader extends Reader {
  /** The characters in one block. */
  public static final int BLOCK = 1 << 15;

  private record Block(char[] chars, int length, Throwable failure) {}

  private static final Block END = new Block(new char[0], -1, null);

  private final Reader source;
  private final BlockingQueue<Block> full;
  private final BlockingQueue<char[]> empty;
  private Thread thread;
  private Block current;
  private int pos;
  private boolean ended;

  /** A reader of {@code source}, {@code blocks} blocks ahead ({@code blocks >= 1}). */
  public ReadAheadReader(Reader source, int blocks) {
    this.source = source;
    this.full = new ArrayBlockingQueue<>(blocks + 1);
    this.empty = new ArrayBlockingQueue<>(blocks + 2);
    for (int i = 0; i < blocks + 2; i++) {
      empty.add(new char[BLOCK]);
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (thread == null) {
      thread = Threads.start("read-ahead", this::produce);
    }
    while (current == null || pos == current.length()) {
      if (ended) {
        return -1;
      }
      if (current != null) {
        empty.add(current.chars());
      }
      current = take();
      pos = 0;
      if (current == END) {
        ended = true;
        current = null;
        return -1;
      }
      if (current.failure() != null) {
        Throwable failure = current.failure();
        ended = true;
        current = null;
        throw failure instanceof IOException io ? io : new IOException(failure);
      }
    }
    int n = Math.min(len, current.length() - pos);
    System.arraycopy(current.chars(), pos, cbuf, off, n);
    pos += n;
    return n;
  }

  private Block take() throws IOException {
    try {
      return full.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    }
  }

  private void produce() {
    try {
      while (true) {
        char[] chars = empty.take();
        int n = fill(chars);
        if (n > 0) {
          full.put(new Block(chars, n, null));
        }
        if (n < chars.length) {
          full.put(END);
          return;
        }
      }
    } catch (InterruptedException e) {
      return;
    } catch (Throwable t) {
      try {
        full.put(new Block(null, 0, t));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private int fill(char[] chars) throws IOException {
    int n = 0;
    while (n < chars.length) {
      int r = source.read(chars, n, chars.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    try {
      if (thread != null) {
        thread.interrupt();
        Threads.joinUninterruptibly(thread);
      }
    } finally {
      source.close();
    }
  }
}
