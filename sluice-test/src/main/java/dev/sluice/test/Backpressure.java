package dev.sluice.test;

import dev.sluice.Pipe;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Measures backpressure: how far a producer got ahead of a slow consumer. The bound a stage
 * promises is an upper bound, so a test asserts {@code maxAhead(...) <= bound}, which holds however
 * the threads are scheduled (a busy machine can only make the producer fall behind).
 *
 * <pre>{@code
 * assertThat(Backpressure.maxAhead(p -> p.buffer(16), 1_000)).isLessThanOrEqualTo(16 + 2);
 * }</pre>
 */
public final class Backpressure {
  /** How long the slow consumer spends on each element, in nanoseconds. */
  public static final long SLOW_CONSUMER_NANOS = 20_000;

  private Backpressure() {}

  /**
   * Runs {@code n} elements from a counting generator through {@code stage} into a slow consumer
   * and returns the most elements the generator had produced beyond those the consumer had taken,
   * counting the one in the consumer's hands. A synchronous chain gives 1.
   */
  public static long maxAhead(UnaryOperator<Pipe<Long>> stage, long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
    AtomicLong produced = new AtomicLong();
    Pipe<Long> counting =
        Pipe.generate(
            out -> {
              for (long i = 0; i < n; i++) {
                produced.incrementAndGet();
                out.emit(i);
              }
            });
    return maxAhead(stage.apply(counting), produced::get);
  }

  /**
   * Runs {@code pipe} into a slow consumer and returns the largest {@code produced - consumed} seen
   * at each element, where {@code produced} reads how much the producer has made so far (elements,
   * bytes, pages: any count in the same unit as the pipe's elements) and consumed counts the
   * elements the consumer received, the current one included.
   */
  public static long maxAhead(Pipe<?> pipe, LongSupplier produced) {
    long[] consumed = {0};
    long[] max = {0};
    pipe.forEach(
        item -> {
          consumed[0]++;
          max[0] = Math.max(max[0], produced.getAsLong() - consumed[0] + 1);
          slowly();
        });
    return max[0];
  }

  /** A consumer step that takes {@link #SLOW_CONSUMER_NANOS}, busy (not sleeping, not parking). */
  public static void slowly() {
    long until = System.nanoTime() + SLOW_CONSUMER_NANOS;
    while (System.nanoTime() - until < 0) {
      Thread.onSpinWait();
    }
  }
}
