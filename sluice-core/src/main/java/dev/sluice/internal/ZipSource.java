package dev.sluice.internal;

import dev.sluice.CheckedBiFunction;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code zip(a, b, fn)}: runs both pipes on virtual threads, each into an {@link SpscChannel} of
 * {@code capacity} elements, and pushes {@code fn(a_i, b_i)} downstream on the calling thread; ends
 * when either input ends (the other is stopped). The first failure of either input ends the run at
 * once: it interrupts the other input, so the caller is not left waiting on it.
 */
public final class ZipSource<A, B, R> extends Source<R> {
  private final Source<A> left;
  private final Source<B> right;
  private final CheckedBiFunction<? super A, ? super B, ? extends R> fn;
  private final int capacity;

  public ZipSource(
      Source<A> left,
      Source<B> right,
      CheckedBiFunction<? super A, ? super B, ? extends R> fn,
      int capacity) {
    super("zip");
    this.left = left;
    this.right = right;
    this.fn = fn;
    this.capacity = capacity;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void run(Downstream<? super R> downstream) throws Exception {
    Downstream<? super R> down = Metering.wrap(this, downstream);
    SpscChannel<A> as = new SpscChannel<>(capacity);
    SpscChannel<B> bs = new SpscChannel<>(capacity);
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    Thread[] threads = new Thread[2];
    threads[0] = start(left, as, firstFailure, threads, 1);
    threads[1] = start(right, bs, firstFailure, threads, 0);
    try {
      while (true) {
        Object a = take(as);
        Object b = a == SpscChannel.END ? SpscChannel.END : take(bs);
        if (a == SpscChannel.END || b == SpscChannel.END) {
          if (firstFailure.get() != null) {
            throw Failures.sneaky(firstFailure.get());
          }
          return;
        }
        R out;
        try {
          out = fn.apply((A) a, (B) b);
        } catch (Throwable t) {
          throw Failures.at(t, describe());
        }
        if (!down.push(out)) {
          return;
        }
      }
    } finally {
      as.cancel();
      bs.cancel();
      for (Thread t : threads) {
        t.interrupt();
      }
      for (Thread t : threads) {
        Threads.joinUninterruptibly(t);
      }
    }
  }

  private static Object take(SpscChannel<?> channel) {
    try {
      return channel.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CancelSignal.INSTANCE;
    }
  }

  private <T> Thread start(
      Source<T> source,
      SpscChannel<T> channel,
      AtomicReference<Throwable> firstFailure,
      Thread[] threads,
      int other) {
    return Threads.start(
        describe() + " input",
        () -> {
          Throwable failure = null;
          try {
            source.run(channel::put);
          } catch (Throwable t) {
            failure = t;
            if (!channel.isCancelled() && firstFailure.compareAndSet(null, t)) {
              Thread peer = threads[other];
              if (peer != null) {
                peer.interrupt();
              }
            }
          }
          channel.complete(failure);
        });
  }
}
