package dev.sluice.internal;

/**
 * The cancelled state of a run that a watcher ({@code timeout}, {@code withCancellation}) can end,
 * seen by every thread of that run: {@link Threads#start} hands the scope of the starting thread to
 * the new one. An emitter checks it at every {@code emit}, so a generator that swallows the
 * interrupt a cancellation sends still stops at its next {@code emit}. Scopes nest: a run inside
 * another is cancelled when either is.
 */
final class CancelScope {
  private static final ThreadLocal<CancelScope> CURRENT = new ThreadLocal<>();

  private final CancelScope parent;
  private volatile boolean cancelled;

  /** A scope inside {@code parent} (or the outermost, with null). */
  CancelScope(CancelScope parent) {
    this.parent = parent;
  }

  /** Marks the run cancelled; the watcher then interrupts its thread. */
  void cancel() {
    cancelled = true;
  }

  /** Whether this scope or one it is inside was cancelled. */
  boolean isCancelled() {
    for (CancelScope s = this; s != null; s = s.parent) {
      if (s.cancelled) {
        return true;
      }
    }
    return false;
  }

  /** The scope of the run on this thread, or null outside any watched run. */
  static CancelScope current() {
    return CURRENT.get();
  }

  /** Sets (or with null, clears) the scope of the run on this thread. */
  static void set(CancelScope scope) {
    if (scope == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(scope);
    }
  }
}
