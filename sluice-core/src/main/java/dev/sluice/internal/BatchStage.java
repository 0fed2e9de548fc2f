package dev.sluice.internal;

import dev.sluice.PipeCancelledException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code batch(size)}: groups elements into lists of {@code size}; the last may be shorter. Each
 * list is new and belongs to the receiver. Holds at most one partial batch. When the upstream
 * fails, the partial batch goes downstream first, then the failure.
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
    try {
      upstream.run(batcher);
    } catch (Throwable t) {
      if (!batcher.stopped && !batcher.pushing && !isCancel(t) && !batcher.batch.isEmpty()) {
        try {
          down.push(batcher.batch);
        } catch (Throwable late) {
          t.addSuppressed(late);
        }
      }
      throw t;
    }
    if (!batcher.stopped && !batcher.batch.isEmpty()) {
      down.push(batcher.batch);
    }
  }

  private static boolean isCancel(Throwable t) {
    return t instanceof CancelSignal || t instanceof PipeCancelledException;
  }

  private final class Batcher implements Downstream<T> {
    private final Downstream<? super List<T>> down;
    List<T> batch = newBatch();
    boolean stopped;

    /** A push downstream is under way: a failure now is downstream's, no batch to flush. */
    boolean pushing;

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
      pushing = true;
      stopped = !down.push(full);
      pushing = false;
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
