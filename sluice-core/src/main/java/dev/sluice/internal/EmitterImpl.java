package dev.sluice.internal;

import dev.sluice.Emitter;

/**
 * The emitter handed to generators and custom stages. It remembers that downstream stopped or
 * failed, so a generator that swallows the signal can neither push more nor hide the failure.
 */
final class EmitterImpl<T> implements Emitter<T> {
  private final Downstream<? super T> down;
  private final String where;
  boolean stopped;
  Throwable downstreamFailure;
  long emitted;

  /** An emitter into {@code down} for the source or stage {@code where}. */
  EmitterImpl(Downstream<? super T> down, String where) {
    this.down = down;
    this.where = where;
  }

  @Override
  public void emit(T item) {
    if (stopped) {
      throw StopSignal.INSTANCE;
    }
    CancelSignal.checkInterrupt();
    boolean more;
    try {
      more = down.push(item);
    } catch (Throwable t) {
      stopped = true;
      downstreamFailure = t;
      throw Failures.atElement(t, where, emitted);
    }
    emitted++;
    if (!more) {
      stopped = true;
      throw StopSignal.INSTANCE;
    }
  }

  /**
   * Settles how a generator or integrator that threw {@code thrown} ended: rethrows the downstream
   * failure if there was one, returns normally if {@code thrown} is (or wraps) the stop signal of
   * this emitter, and otherwise rethrows {@code thrown} noted with this emitter's place.
   */
  void settle(Throwable thrown) {
    if (downstreamFailure != null) {
      throw Failures.sneaky(Failures.combine(downstreamFailure, thrown));
    }
    if (stopped && isStop(thrown)) {
      return;
    }
    throw Failures.atElement(thrown, where, emitted);
  }

  /** Rethrows a downstream failure the user code swallowed. */
  void checkSwallowed() {
    if (downstreamFailure != null) {
      throw Failures.sneaky(downstreamFailure);
    }
  }

  private static boolean isStop(Throwable t) {
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof StopSignal) {
        return true;
      }
    }
    return false;
  }
}
