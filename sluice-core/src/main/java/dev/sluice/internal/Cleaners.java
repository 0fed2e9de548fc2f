package dev.sluice.internal;

import java.lang.ref.Cleaner;

/**
 * The one {@link Cleaner} of the library: it stops runs whose iterator or stream was abandoned
 * without being closed. Its thread is a single daemon for the whole JVM, started on first use; it
 * belongs to no run, so {@link Threads#live()} does not count it.
 */
final class Cleaners {
  private static final Cleaner CLEANER =
      Cleaner.create(Thread.ofPlatform().daemon().name("sluice-cleaner").factory());

  private Cleaners() {}

  /** Runs {@code action} once {@code owner} is unreachable, unless cleaned before. */
  static Cleaner.Cleanable register(Object owner, Runnable action) {
    return CLEANER.register(owner, action);
  }
}
