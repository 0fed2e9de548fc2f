package dev.sluice.internal;

import dev.sluice.Clock;

/**
 * {@code withClock}: passes elements through untouched (it hands its downstream to its upstream, so
 * it costs nothing per element) and names the clock that timed stages added after it read.
 */
public final class ClockStage<T> extends Operator<T, T> {
  private final Clock clock;

  public ClockStage(Source<T> upstream, Clock clock) {
    super(upstream, "withClock");
    this.clock = clock;
  }

  /** The clock of the nearest {@code withClock} upstream of {@code source}, else the system's. */
  public static Clock of(Source<?> source) {
    for (Source<?> s = source; s instanceof Operator<?, ?> op; s = op.upstream) {
      if (op instanceof ClockStage<?> stage) {
        return stage.clock;
      }
    }
    return Clock.system();
  }

  @Override
  public void run(Downstream<? super T> down) throws Exception {
    upstream.run(down);
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
