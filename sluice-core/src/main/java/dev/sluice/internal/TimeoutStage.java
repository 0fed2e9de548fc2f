package dev.sluice.internal;

import dev.sluice.Cancellation;
import dev.sluice.Clock;
import dev.sluice.PipeCancelledException;
import dev.sluice.PipeTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code timeout(d)} and {@code withCancellation(handle)}: moves the run (this stage's upstream and
 * everything downstream of it) onto a virtual thread and watches it from the calling thread. When
 * the deadline passes, the handle is cancelled or the caller is interrupted, the run's thread is
 * interrupted and joined, then the stage throws {@link PipeTimeoutException}, {@link
 * PipeCancelledException} or the cancel signal (caller interrupted: its status stays set). The
 * calling thread itself is never interrupted, so a timeout leaves no interrupt behind. The run's
 * {@link CancelScope} is marked first, so a generator that swallows the interrupt stops at its next
 * {@code emit}.
 */
public final class TimeoutStage<T> extends Operator<T, T> {
  private final Duration timeout;
  private final Cancellation cancellation;
  private final Clock clock;

  /** A watch with a deadline ({@code timeout} non-null) or a handle ({@code cancellation}). */
  public TimeoutStage(Source<T> upstream, Duration timeout, Cancellation cancellation) {
    super(upstream, timeout != null ? "timeout" : "withCancellation");
    this.timeout = timeout;
    this.cancellation = cancellation;
    this.clock = ClockStage.of(upstream);
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    if (cancellation != null && cancellation.isCancelled()) {
      throw cancelled(null);
    }
    Thread caller = Thread.currentThread();
    Worker worker = new Worker(caller);
    long deadline = timeout == null ? 0 : clock.nanoTime() + timeout.toNanos();
    Cancellation.Registration registration =
        cancellation == null ? null : cancellation.onCancel(() -> LockSupport.unpark(caller));
    CancelScope scope = new CancelScope(CancelScope.current());
    Thread thread =
        Threads.start(
            describe(),
            () -> {
              CancelScope.set(scope);
              worker.run(down);
            });
    String outcome = null;
    try {
      while (!worker.finished) {
        if (caller.isInterrupted()) {
          outcome = "interrupted";
        } else if (cancellation != null && cancellation.isCancelled()) {
          outcome = "cancelled";
        } else if (timeout != null && clock.nanoTime() - deadline >= 0) {
          outcome = "timeout";
        }
        if (outcome != null) {
          scope.cancel();
          thread.interrupt();
          break;
        }
        if (timeout == null) {
          LockSupport.park(this);
        } else {
          clock.parkNanos(deadline - clock.nanoTime());
        }
      }
    } finally {
      Threads.joinUninterruptibly(thread);
      if (registration != null) {
        registration.close();
      }
    }
    if (outcome == null) {
      if (worker.failure != null) {
        throw Failures.sneaky(worker.failure);
      }
      return;
    }
    Throwable cause = worker.failure instanceof CancelSignal ? null : worker.failure;
    switch (outcome) {
      case "interrupted" -> throw CancelSignal.INSTANCE;
      case "cancelled" -> throw cancelled(cause);
      default ->
          throw new PipeTimeoutException(
              "run timed out: it took longer than " + timeout + " (" + describe() + ")", cause);
    }
  }

  private PipeCancelledException cancelled(Throwable cause) {
    return new PipeCancelledException(
        "run cancelled through its Cancellation (" + describe() + ")", cause);
  }

  private final class Worker {
    private final Thread caller;
    volatile boolean finished;
    Throwable failure;

    Worker(Thread caller) {
      this.caller = caller;
    }

    void run(Downstream<? super T> down) {
      try {
        upstream.run(down);
      } catch (Throwable t) {
        failure = t;
      } finally {
        finished = true;
        LockSupport.unpark(caller);
      }
    }
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
