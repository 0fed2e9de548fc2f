package dev.sluice;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that holds each run's elements in memory and publishes them only on commit; meant for
 * tests, since it keeps every element of a run. Thread-safe to inspect while runs go on.
 *
 * @param <T> the element type
 */
public final class MemorySink<T> implements Sink<T> {
  private final List<T> committed = new ArrayList<>();
  private int commits;
  private int aborts;
  private Throwable lastAbortCause;

  MemorySink() {}

  @Override
  public Writer<T> open() {
    List<T> pending = new ArrayList<>();
    return new Writer<>() {
      @Override
      public void write(T item) {
        pending.add(item);
      }

      @Override
      public void commit() {
        synchronized (MemorySink.this) {
          committed.addAll(pending);
          commits++;
        }
      }

      @Override
      public void abort(Throwable cause) {
        synchronized (MemorySink.this) {
          aborts++;
          lastAbortCause = cause;
        }
      }
    };
  }

  /** Every element of every committed run, in order. */
  public synchronized List<T> committed() {
    return List.copyOf(committed);
  }

  /** How many runs committed. */
  public synchronized int commits() {
    return commits;
  }

  /** How many runs aborted. */
  public synchronized int aborts() {
    return aborts;
  }

  /** The failure that made the last run abort, or {@code null}. */
  public synchronized Throwable lastAbortCause() {
    return lastAbortCause;
  }
}
