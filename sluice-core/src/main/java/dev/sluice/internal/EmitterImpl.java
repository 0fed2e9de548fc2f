package dev.sluice.internal;

import dev.sluice.Emitter;

/**
 * The emitter handed to generators and custom stages. It remembers that downstream stopped or
 * failed, so a generator that swallows the signal can neither push more nor hide the failure.
 */
final class EmitterImpl<T> implements Emitter<T> {
  private final Downstream<? super T> down;
  boolean stopped;
  Throwable downstreamFailure;
  long emitted;

  EmitterImpl(Downstream<? super T> down) {
    this.down = down;
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
      throw Failures.sneaky(t);
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
   * this emitter, and otherwise rethrows {@code thrown} noted with {@code where}.
   */
  void settle(Throwable thrown, String where) {
    if (downstreamFailure != null) {
      throw Failures.sneaky(Failures.combine(downstreamFailure, thrown));
    }
    if (stopped && isStop(thrown)) {
      return;
    }
    throw Failures.at(thrown, where, emitted);
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
