package dev.sluice.internal;

import dev.sluice.CloseableIterator;
import dev.sluice.PipeCancelledException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.NoSuchElementException;

/**
 * {@code Pipe.iterator()}: runs the source on a virtual thread into an {@link SpscChannel} and
 * reads it on the caller's thread.
 *
 * <p>An iterator that becomes unreachable without being closed or read to the end (a {@code
 * stream().limit(3).count()}) is cancelled by a {@link Cleaner}: the channel is cancelled and the
 * producer interrupted, so the run stops and closes its resources on its own thread. The state the
 * cleaning action holds (channel, producer) never refers back to the iterator.
 */
public final class ChannelIterator<T> implements CloseableIterator<T> {
  private static final Object NONE = new Object();

  private final SpscChannel<T> channel;
  private final Thread producer;
  private final Cleaner.Cleanable abandon;
  private Object next = NONE;
  private boolean closed;

  public ChannelIterator(Source<T> source, int capacity) {
    SpscChannel<T> channel = new SpscChannel<>(capacity);
    this.channel = channel;
    this.producer = Threads.start("iterator", () -> produce(source, channel));
    this.abandon = Cleaners.register(this, new Abandon(channel, producer));
  }

  private static <T> void produce(Source<T> source, SpscChannel<T> channel) {
    Throwable failure = null;
    try {
      source.run(channel::put);
    } catch (Throwable t) {
      failure = t;
    }
    channel.complete(failure);
  }

  /** Stops an abandoned run; refers to nothing that refers to the iterator. */
  private record Abandon(SpscChannel<?> channel, Thread producer) implements Runnable {
    @Override
    public void run() {
      channel.cancel();
      producer.interrupt();
    }
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
    } finally {
      Reference.reachabilityFence(this); // not abandoned while its reader waits in take
    }
    if (item == SpscChannel.END) {
      closed = true;
      Threads.joinUninterruptibly(producer);
      abandon.clean();
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
    abandon.clean();
    Threads.joinUninterruptibly(producer);
  }
}
