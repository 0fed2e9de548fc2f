package dev.sluice.jdbc.internal;

import dev.sluice.internal.Threads;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Cancels a run's blocked statement through {@link Statement#cancel()}, which JDBC drivers honour
 * where they ignore interrupts (or a {@code COPY}'s through its connection: {@link Cancel}). One
 * watcher per run: a virtual thread, started with the first statement and joined by {@link
 * #close()}, that every {@code check} interval looks whether the run's thread was interrupted or
 * the statement's deadline passed.
 *
 * <p>Created and used on the run's thread; {@link #close()} must be called when the run ends.
 */
public final class CancelWatch implements AutoCloseable {
  private final Thread runner = Thread.currentThread();
  private final long checkNanos;
  private final long timeoutNanos;
  private volatile Cancel current;
  private volatile long deadline;
  private volatile boolean closed;
  private volatile boolean timedOut;
  private Thread watcher;

  /** What cancels a running statement: {@link Statement#cancel()}, or a connection's cancel. */
  @FunctionalInterface
  public interface Cancel {
    /** Cancels what runs; harmless when nothing does. */
    void cancel() throws SQLException;
  }

  /**
   * Whether {@code e} says the statement was stopped rather than refused: cancelled or the server
   * shutting down (SQLSTATE class 57) or the connection lost (class 08). Nothing can be retried or
   * fallen back on then.
   */
  public static boolean stopped(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("57") || state.startsWith("08"));
  }

  /** A watch with the given check interval and per-statement timeout (zero for none). */
  public CancelWatch(Duration check, Duration timeout) {
    this.checkNanos = check.toNanos();
    this.timeoutNanos = timeout.toNanos();
  }

  /** Watches {@code statement} until {@link #done()}; call right before executing it. */
  public void watch(Statement statement) {
    watch(statement::cancel);
  }

  /**
   * Watches what {@code cancel} cancels (a {@code COPY} through pgjdbc's {@code CopyManager}, which
   * runs on no statement: {@code PGConnection::cancelQuery}) until {@link #done()}; each call
   * watches anew, with the whole timeout.
   */
  public void watch(Cancel cancel) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    timedOut = false;
    deadline = System.nanoTime() + timeoutNanos;
    current = cancel;
    if (watcher == null) {
      watcher = Threads.start("jdbc-cancel-watch", this::loop);
    }
  }

  /** Stops watching the current statement. */
  public void done() {
    current = null;
  }

  /** Whether the last watched statement was cancelled because its deadline passed. */
  public boolean timedOut() {
    return timedOut;
  }

  @Override
  public void close() {
    closed = true;
    current = null;
    if (watcher != null) {
      LockSupport.unpark(watcher);
      boolean interrupted = Thread.interrupted();
      while (watcher.isAlive()) {
        try {
          watcher.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        runner.interrupt();
      }
    }
  }

  private void loop() {
    Cancel cancelled = null;
    while (!closed) {
      LockSupport.parkNanos(checkNanos);
      Cancel running = current;
      if (running == null || running == cancelled) {
        continue;
      }
      boolean late = timeoutNanos != 0 && System.nanoTime() - deadline > 0;
      if (runner.isInterrupted() || late) {
        timedOut = late && !runner.isInterrupted();
        cancelled = running;
        try {
          running.cancel();
        } catch (SQLException | RuntimeException e) {
          // The statement finished or its connection broke: either way it no longer blocks.
        }
      }
    }
  }
}
