package dev.sluice.internal;

import dev.sluice.Emitter;

/**
 * The emitter handed to generators and custom stages. It remembers that downstream stopped or
 * failed, so a generator that swallows the signal can neither push more nor hide the failure.
 *
 * <p>It belongs to one thread at a time, the one that runs its source ({@link #bind}); an {@code
 * emit} from any other thread, or after the run ended ({@link #end}), fails with {@link
 * IllegalStateException} instead of pushing into a chain that is not single-threaded or no longer
 * running. Each {@code emit} also checks the run's {@link CancelScope}, so a generator that
 * swallows {@link InterruptedException} still stops when its run is cancelled or times out.
 *
 * <p>Not final for one subclass: {@link ViaPush}, a {@link Specializer} template that repeats
 * {@link #emit} so that each copy calls its own downstream.
 */
class EmitterImpl<T> implements Emitter<T> {
  final Downstream<? super T> down;
  final String where;
  private final CancelScope scope = CancelScope.current();
  private Thread owner = Thread.currentThread();
  boolean stopped;

  /** Whether the custom stage emitting here asked to stop (its push returned false). */
  boolean stoppedItself;

  Throwable downstreamFailure;
  long emitted;

  /** An emitter into {@code down} for the source or stage {@code where}. */
  EmitterImpl(Downstream<? super T> down, String where) {
    this.down = down;
    this.where = where;
  }

  @Override
  public void emit(T item) {
    ready();
    boolean more;
    try {
      more = down.push(item);
    } catch (Throwable t) {
      throw failed(t);
    }
    emitted++;
    if (!more) {
      stopped = true;
      throw StopSignal.INSTANCE;
    }
  }

  /**
   * Throws unless an element may be emitted now: from the owner thread, downstream not stopped, the
   * run not cancelled.
   */
  final void ready() {
    Thread thread = Thread.currentThread();
    if (thread != owner) {
      throw misuse(thread);
    }
    if (stopped) {
      throw StopSignal.INSTANCE;
    }
    if (thread.isInterrupted() || (scope != null && scope.isCancelled())) {
      throw CancelSignal.INSTANCE; // again at every later emit, like the interrupt
    }
  }

  /** Records that downstream failed with {@code t} and returns what emit throws. */
  final RuntimeException failed(Throwable t) {
    stopped = true;
    downstreamFailure = t;
    return Failures.atElement(t, where, emitted);
  }

  /** Makes the current thread the one allowed to emit (the source moved to another thread). */
  final void bind() {
    owner = Thread.currentThread();
  }

  /** The run ended: any later {@code emit} fails. */
  final void end() {
    owner = null;
  }

  private IllegalStateException misuse(Thread thread) {
    Thread expected = owner;
    return new IllegalStateException(
        expected == null
            ? "emit called after the run of "
                + where
                + " ended: an emitter is valid only while"
                + " its generator or stage runs"
            : "emit called from thread "
                + thread.getName()
                + " but the run of "
                + where
                + " is on thread "
                + expected.getName()
                + ": emit only from the thread that runs the generator (for concurrency, use"
                + " mapConcurrent or merge)");
  }

  /**
   * Settles how a generator or integrator that threw {@code thrown} ended: rethrows the downstream
   * failure if there was one, returns normally if {@code thrown} is (or wraps) the stop signal of
   * this emitter, and otherwise rethrows {@code thrown} noted with this emitter's place.
   */
  final void settle(Throwable thrown) {
    if (downstreamFailure != null) {
      throw Failures.sneaky(Failures.combine(downstreamFailure, thrown));
    }
    if (stopped && isStop(thrown)) {
      return;
    }
    throw Failures.atElement(thrown, where, emitted);
  }

  /** Rethrows a downstream failure the user code swallowed. */
  final void checkSwallowed() {
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
