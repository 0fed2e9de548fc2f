package dev.sluice.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code sliding(size, step)}: windows of {@code size} consecutive elements, a new one starting
 * every {@code step} elements (with {@code step > size} the elements between windows are skipped).
 * Only full windows are emitted, except that an input shorter than {@code size} but not empty gives
 * one window of all its elements. Each window is a new unmodifiable list. Holds at most {@code
 * size} elements, adds no thread.
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
    List<T> window = new ArrayList<>(Math.min(size, 1024));
    boolean[] state = {false, true}; // emitted any, more wanted
    long[] skip = {0};
    upstream.run(
        item -> {
          if (skip[0] > 0) {
            skip[0]--;
            return true;
          }
          window.add(item);
          if (window.size() < size) {
            return true;
          }
          state[0] = true;
          boolean more = down.push(copy(window));
          if (step >= size) {
            window.clear();
            skip[0] = step - size;
          } else {
            window.subList(0, step).clear();
          }
          state[1] = more;
          return more;
        });
    if (!state[0] && state[1] && !window.isEmpty()) {
      down.push(copy(window));
    }
  }

  private static <T> List<T> copy(List<T> window) {
    return Collections.unmodifiableList(new ArrayList<>(window));
  }
}
