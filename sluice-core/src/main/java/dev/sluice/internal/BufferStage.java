package dev.sluice.internal;

/**
 * {@code buffer(n)}: runs the upstream on a virtual thread into an {@link SpscChannel} of {@code n}
 * elements and pushes them downstream on the calling thread, so the upstream runs at most {@code n}
 * elements ahead. An early stop or failure downstream cancels the channel, interrupts the upstream
 * thread and joins it before this stage returns or throws; an upstream failure reaches the caller
 * after the elements before it.
 */
public final class BufferStage<T> extends Operator<T, T> {
  private final int capacity;

  public BufferStage(Source<T> upstream, int capacity) {
    super(upstream, "buffer");
    this.capacity = capacity;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    SpscChannel<T> channel = new SpscChannel<>(capacity);
    Thread producer =
        Threads.start(
            describe(),
            () -> {
              Throwable failure = null;
              try {
                upstream.run(channel::put);
              } catch (Throwable t) {
                failure = t;
              }
              channel.complete(failure);
            });
    boolean drained = false;
    try {
      drained = channel.drainTo(down);
    } finally {
      if (!drained) {
        channel.cancel();
        producer.interrupt();
      }
      Threads.joinUninterruptibly(producer);
    }
    if (drained && channel.failure() != null) {
      throw Failures.sneaky(channel.failure());
    }
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }

  @Override
  public boolean handsOff() {
    return true;
  }
}
