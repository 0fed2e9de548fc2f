package dev.sluice.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code interleave(pipes)}: round-robin: one element of each input in turn, skipping the inputs
 * that ended, until all ended. Each input runs on a virtual thread of its own into an {@link
 * SpscChannel} of {@code capacity} elements, so it is at most that far ahead; the order of the
 * output does not depend on their timing. A failure of an input is thrown when its turn comes
 * (after the elements before it in the round-robin order); the other inputs are then stopped,
 * interrupted and joined. Adds one thread per input; holds at most {@code capacity} elements per
 * input.
 */
public final class InterleaveSource<T> extends Source<T> {
  private final List<Source<? extends T>> inputs;
  private final int capacity;

  public InterleaveSource(List<Source<? extends T>> inputs, int capacity) {
    super("interleave");
    this.inputs = inputs;
    this.capacity = capacity;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    List<SpscChannel<T>> channels = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try {
      for (Source<? extends T> input : inputs) {
        SpscChannel<T> channel = new SpscChannel<>(capacity);
        channels.add(channel);
        threads.add(start(input, channel));
      }
      List<SpscChannel<T>> live = new ArrayList<>(channels);
      for (int i = 0; !live.isEmpty(); ) {
        SpscChannel<T> channel = live.get(i);
        Object item;
        try {
          item = channel.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw CancelSignal.INSTANCE;
        }
        if (item == SpscChannel.END) {
          if (channel.failure() != null) {
            throw Failures.sneaky(channel.failure());
          }
          live.remove(i);
          if (i == live.size()) {
            i = 0;
          }
          continue;
        }
        if (!down.push((T) item)) {
          return;
        }
        i = (i + 1) % live.size();
      }
    } finally {
      for (SpscChannel<T> channel : channels) {
        channel.cancel();
      }
      for (Thread thread : threads) {
        thread.interrupt();
      }
      for (Thread thread : threads) {
        Threads.joinUninterruptibly(thread);
      }
    }
  }

  private Thread start(Source<? extends T> input, SpscChannel<T> channel) {
    return Threads.start(
        describe() + " input",
        () -> {
          Throwable failure = null;
          try {
            input.run(channel::put);
          } catch (Throwable t) {
            failure = t;
          }
          channel.complete(failure);
        });
  }
}
