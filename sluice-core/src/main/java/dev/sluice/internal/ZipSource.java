package dev.sluice.internal;

import dev.sluice.CheckedBiFunction;

/**
 * {@code zip(a, b, fn)}: runs both pipes on virtual threads, each into an {@link SpscChannel} of
 * {@code capacity} elements, and pushes {@code fn(a_i, b_i)} downstream on the calling thread; ends
 * when either input ends (the other is stopped).
 *
 * <p>Failures keep the order of the elements: when an input fails after {@code k} elements, every
 * pair {@code i < k} is still formed and delivered (the other input keeps running for them), and
 * the failure comes after them. Once no further pair can be formed, the other input is interrupted
 * so that the caller is not left waiting on it. The left input is read first at each position, so
 * when both end at the same position the left one's end decides.
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
    Input<A> a = new Input<>(new SpscChannel<>(capacity));
    Input<B> b = new Input<>(new SpscChannel<>(capacity));
    Position position = new Position();
    a.thread = start(left, a, null, position);
    b.thread = start(right, b, a, position);
    try {
      for (long i = 0; ; i++) {
        position.set(i);
        b.failIfEndedBefore(i);
        Object x = a.take();
        Object y = x == SpscChannel.END ? SpscChannel.END : b.take();
        if (x == SpscChannel.END) {
          a.finish();
          return;
        }
        if (y == SpscChannel.END) {
          b.finish();
          return;
        }
        R out;
        try {
          out = fn.apply((A) x, (B) y);
        } catch (Throwable t) {
          throw Failures.at(t, describe());
        }
        if (!down.push(out)) {
          return;
        }
      }
    } finally {
      a.channel.cancel();
      b.channel.cancel();
      a.thread.interrupt();
      b.thread.interrupt();
      Threads.joinUninterruptibly(a.thread);
      Threads.joinUninterruptibly(b.thread);
    }
  }

  /**
   * Runs {@code source} into {@code input}. When it fails, and the consumer already waits for a
   * position the failed input never reached, {@code waitedOn} (the input the consumer reads first,
   * if this is the second) is interrupted: no further pair can be formed.
   */
  private <T> Thread start(Source<T> source, Input<T> input, Input<?> waitedOn, Position position) {
    return Threads.start(
        describe() + " input",
        () -> {
          Throwable failure = null;
          try {
            source.run(input::put);
          } catch (Throwable t) {
            failure = t;
            input.failure = t;
            if (waitedOn != null && position.get() >= input.count) {
              waitedOn.stoppedBy = input;
              waitedOn.thread.interrupt();
            }
          }
          input.channel.complete(failure);
        });
  }

  /** The consumer's position: the index of the pair it is forming. */
  private static final class Position {
    private volatile long index;

    long get() {
      return index;
    }

    void set(long i) {
      index = i;
    }
  }

  /** One input: its channel, thread, how many elements it handed over and how it ended. */
  private static final class Input<T> {
    final SpscChannel<T> channel;
    Thread thread;

    /**
     * Elements accepted by the channel; written by the input's thread only, and read by others only
     * after they saw {@link #failure}, which is written after the last count.
     */
    long count;

    volatile Throwable failure;

    /** The other input, when its failure is why this one was interrupted. */
    volatile Input<?> stoppedBy;

    Input(SpscChannel<T> channel) {
      this.channel = channel;
    }

    boolean put(T item) {
      if (!channel.put(item)) {
        return false;
      }
      count++;
      return true;
    }

    Object take() {
      try {
        return channel.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CancelSignal.INSTANCE;
      }
    }

    /** Throws this input's failure if it failed before reaching position {@code i}. */
    void failIfEndedBefore(long i) {
      Throwable t = failure;
      if (t != null && count <= i) {
        throw Failures.sneaky(t);
      }
    }

    /** After this input's end was taken: throws why it ended, if it did not simply complete. */
    void finish() {
      Input<?> other = stoppedBy;
      Throwable t = other != null ? other.failure : failure;
      if (t != null) {
        throw Failures.sneaky(t);
      }
    }
  }
}
