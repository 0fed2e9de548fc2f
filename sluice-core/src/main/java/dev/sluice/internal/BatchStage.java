package dev.sluice.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code batch(size)}: groups elements into lists of {@code size}; the last may be shorter. Each
 * list is new and belongs to the receiver. Holds at most one partial batch.
 */
public final class BatchStage<T> extends Operator<T, List<T>> {
  private final int size;

  public BatchStage(Source<T> upstream, int size) {
    super(upstream, "batch");
    this.size = size;
  }

  @Override
  public void run(Downstream<? super List<T>> downstream) throws Exception {
    Downstream<? super List<T>> down = Metering.wrap(this, downstream);
    Batcher batcher = new Batcher(down);
    upstream.run(batcher);
    if (!batcher.stopped && !batcher.batch.isEmpty()) {
      down.push(batcher.batch);
    }
  }

  private final class Batcher implements Downstream<T> {
    private final Downstream<? super List<T>> down;
    List<T> batch = newBatch();
    boolean stopped;

    Batcher(Downstream<? super List<T>> down) {
      this.down = down;
    }

    @Override
    public boolean push(T item) throws Exception {
      batch.add(item);
      if (batch.size() < size) {
        return true;
      }
      List<T> full = batch;
      batch = newBatch();
      stopped = !down.push(full);
      return !stopped;
    }
  }

  private List<T> newBatch() {
    return new ArrayList<>(Math.min(size, 1024));
  }

  @Override
  public long knownSize() {
    long n = upstream.knownSize();
    return n < 0 ? -1 : (n + size - 1) / size;
  }
}
