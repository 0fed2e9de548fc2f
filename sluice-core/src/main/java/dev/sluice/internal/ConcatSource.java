package dev.sluice.internal;

import java.util.List;

/** {@code Pipe.concat}: runs sources one after the other. */
public final class ConcatSource<T> extends Source<T> {
  private final List<Source<? extends T>> sources;

  public ConcatSource(List<Source<? extends T>> sources) {
    super("concat");
    this.sources = sources;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    StopTracker<T> relay = new StopTracker<>(down);
    for (Source<? extends T> source : sources) {
      source.run(relay);
      if (relay.stopped) {
        return;
      }
    }
  }

  @Override
  public long knownSize() {
    long total = 0;
    for (Source<? extends T> source : sources) {
      long size = source.knownSize();
      if (size < 0) {
        return -1;
      }
      total += size;
    }
    return total;
  }
}
