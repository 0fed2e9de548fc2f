package dev.sluice.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code sliding(size, step)}: windows of {@code size} consecutive elements, a new one starting
 * every {@code step} elements (with {@code step > size} the elements between windows are skipped).
 * Only full windows are emitted, except that an input shorter than {@code size} but not empty gives
 * one window of all its elements. Each window is a new unmodifiable list (nulls kept). Holds at
 * most {@code size} elements in a ring, adds no thread.
 */
public final class SlidingStage<T> extends Operator<T, List<T>> {
  private final int size;
  private final int step;

  public SlidingStage(Source<T> upstream, int size, int step) {
    super(upstream, "sliding");
    this.size = size;
    this.step = step;
  }

  @Override
  public void run(Downstream<? super List<T>> downstream) throws Exception {
    Downstream<? super List<T>> down = Metering.wrap(this, downstream);
    Window window = new Window(down);
    upstream.run(window);
    if (!window.emitted && window.more && window.count > 0) {
      down.push(window.copy());
    }
  }

  private final class Window implements Downstream<T> {
    private final Downstream<? super List<T>> down;
    private final Object[] ring = new Object[size];
    private int head;
    int count;
    private long skip;
    boolean emitted;
    boolean more = true;

    Window(Downstream<? super List<T>> down) {
      this.down = down;
    }

    @Override
    public boolean push(T item) throws Exception {
      if (skip > 0) {
        skip--;
        return true;
      }
      ring[(head + count) % size] = item;
      if (++count < size) {
        return true;
      }
      emitted = true;
      more = down.push(copy());
      if (step >= size) {
        Arrays.fill(ring, null);
        head = 0;
        count = 0;
        skip = step - size;
      } else {
        for (int i = 0; i < step; i++) {
          ring[(head + i) % size] = null;
        }
        head = (head + step) % size;
        count -= step;
      }
      return more;
    }

    @SuppressWarnings("unchecked")
    List<T> copy() {
      Object[] out = new Object[count];
      for (int i = 0; i < count; i++) {
        out[i] = ring[(head + i) % size];
      }
      return (List<T>) Collections.unmodifiableList(Arrays.asList(out));
    }
  }
}
