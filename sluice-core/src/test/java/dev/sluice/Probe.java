package dev.sluice;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator source over 0..n-1 that counts what it produced and how often its {@code finally}
 * ran. (The published equivalent, with scripts, is {@code dev.sluice.test.ScriptedSource}.)
 */
final class Probe {
  final AtomicInteger produced = new AtomicInteger();
  final AtomicInteger finallies = new AtomicInteger();
  private final int n;

  Probe(int n) {
    this.n = n;
  }

  Pipe<Integer> pipe() {
    return Pipe.generate(
        out -> {
          try {
            for (int i = 0; i < n; i++) {
              produced.incrementAndGet();
              out.emit(i);
            }
          } finally {
            finallies.incrementAndGet();
          }
        });
  }
}
