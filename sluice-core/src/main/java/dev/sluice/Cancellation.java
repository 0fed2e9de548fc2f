package dev.sluice;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A handle that cancels runs from another thread, like an {@code AbortSignal}: attach it with
 * {@link Pipe#withCancellation(Cancellation)}, call {@link #cancel()} from anywhere. A run in
 * progress then stops (its threads are interrupted and joined, its resources closed) and its
 * terminal operation throws {@link PipeCancelledException}; a run that starts after the cancel
 * fails at once. Code blocked in an interruptible call ends within milliseconds.
 *
 * <p>Cancelling is permanent and idempotent. Thread-safe.
 *
 * <pre>{@code
 * Cancellation stop = new Cancellation();
 * shutdownHooks.add(stop::cancel);
 * pipe.withCancellation(stop).forEach(this::handle);
 * }</pre>
 */
public final class Cancellation {
  private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** Creates a handle that is not cancelled. */
  public Cancellation() {}

  /** Cancels every run this handle is attached to, now and later. */
  public void cancel() {
    cancelled = true;
    for (Runnable listener : listeners) {
      listener.run();
    }
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code listener} on the cancelling thread when {@link #cancel()} is called (at once if it
   * already was), until the returned registration is closed. The listener must be quick and must
   * not throw.
   */
  public Registration onCancel(Runnable listener) {
    listeners.add(listener);
    if (cancelled) {
      listener.run();
    }
    return () -> listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "Cancellation[cancelled=" + cancelled + "]";
  }

  /** A listener registration; closing it removes the listener. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
