package dev.sluice.internal;

/**
 * A source that reads an {@link SpscChannel} filled by another thread: the branch side of {@code
 * tee}. It can run once; an early stop or failure downstream cancels the channel, so the producer's
 * next put returns {@code false}.
 */
final class ChannelSource<T> extends Source<T> {
  private final SpscChannel<T> channel;

  ChannelSource(SpscChannel<T> channel, String name) {
    super(name);
    this.channel = channel;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    boolean ended = false;
    try {
      while (true) {
        Object item;
        try {
          item = channel.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw CancelSignal.INSTANCE;
        }
        if (item == SpscChannel.END) {
          ended = true;
          break;
        }
        if (!down.push((T) item)) {
          break;
        }
      }
    } finally {
      if (!ended) {
        channel.cancel();
      }
    }
    if (channel.failure() != null) {
      throw Failures.sneaky(channel.failure());
    }
  }
}
