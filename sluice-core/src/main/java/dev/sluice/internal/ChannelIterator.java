package dev.sluice.internal;

import dev.sluice.CloseableIterator;
import dev.sluice.PipeCancelledException;
import java.util.NoSuchElementException;

/**
 * {@code Pipe.iterator()}: runs the source on a virtual thread into an {@link SpscChannel} and
 * reads it on the caller's thread.
 */
public final class ChannelIterator<T> implements CloseableIterator<T> {
  private static final Object NONE = new Object();

  private final SpscChannel<T> channel;
  private final Thread producer;
  private Object next = NONE;
  private boolean closed;

  public ChannelIterator(Source<T> source, int capacity) {
    this.channel = new SpscChannel<>(capacity);
    this.producer =
        Threads.start(
            "iterator",
            () -> {
              Throwable failure = null;
              try {
                source.run(channel::put);
              } catch (Throwable t) {
                failure = t;
              }
              channel.complete(failure);
            });
  }

  @Override
  public boolean hasNext() {
    if (next != NONE) {
      return true;
    }
    if (closed) {
      return false;
    }
    Object item;
    try {
      item = channel.take();
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new PipeCancelledException("run cancelled: the reading thread was interrupted", e);
    }
    if (item == SpscChannel.END) {
      closed = true;
      Threads.joinUninterruptibly(producer);
      Throwable failure = channel.failure();
      if (failure != null) {
        throw Failures.surface(failure);
      }
      return false;
    }
    next = item;
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T item = (T) next;
    next = NONE;
    return item;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    next = NONE;
    channel.cancel();
    if (producer.isAlive()) {
      producer.interrupt();
    }
    Threads.joinUninterruptibly(producer);
  }
}
