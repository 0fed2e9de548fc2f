package dev.sluice.internal;

import dev.sluice.Clock;
import java.util.concurrent.locks.LockSupport;

/** {@link Clock#system()}: the JVM's monotonic clock. */
public final class SystemClock implements Clock {
  /** The one instance. */
  public static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void parkNanos(long nanos) {
    if (nanos > 0) {
      LockSupport.parkNanos(this, nanos);
    }
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
