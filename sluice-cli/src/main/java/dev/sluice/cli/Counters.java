package dev.sluice.cli;

import java.util.concurrent.atomic.AtomicLong;

/** What a run has done so far, read by the progress reporter from another thread. */
final class Counters {
  final AtomicLong bytesRead = new AtomicLong();
  final AtomicLong rows = new AtomicLong();
  final long startNanos = System.nanoTime();
}
