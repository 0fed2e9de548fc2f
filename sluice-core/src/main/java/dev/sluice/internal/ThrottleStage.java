package dev.sluice.internal;

import dev.sluice.Clock;

/**
 * {@code throttle(n, per)}: spaces elements at least {@code per / n} apart on the pipe's clock,
 * waiting on the calling thread before passing an element on; never drops. The first element passes
 * at once; after a pause, elements do not burst to catch up.
 */
public final class ThrottleStage<T> extends Operator<T, T> {
  private final long intervalNanos;
  private final Clock clock;

  public ThrottleStage(Source<T> upstream, long intervalNanos) {
    super(upstream, "throttle");
    this.intervalNanos = intervalNanos;
    this.clock = ClockStage.of(upstream);
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    upstream.run(
        new Downstream<T>() {
          private long next = clock.nanoTime();

          @Override
          public boolean push(T item) throws Exception {
            long now = clock.nanoTime();
            while (now - next < 0) {
              clock.parkNanos(next - now);
              CancelSignal.checkInterrupt();
              now = clock.nanoTime();
            }
            next = now + intervalNanos;
            return down.push(item);
          }
        });
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
