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
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    boolean ended = false;
    try {
      ended = channel.drainTo(down);
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
