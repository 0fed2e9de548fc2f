package dev.sluice.internal;

import dev.sluice.Clock;
import dev.sluice.Progress;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code onProgress(listener, interval)}: counts the elements passing, meters the stages above it
 * (see {@link RunMeter}; only while this stage runs; on the system clock the reporter thread also
 * samples where the run's threads are every millisecond), and hands a {@link Progress} to the
 * listener every {@code interval} from a virtual thread, then once more, marked done, on the
 * calling thread when the run ends in any way. The listener is never called by two threads at once;
 * a failure of the listener fails the run.
 */
public final class ProgressStage<T> extends Operator<T, T> {
  private final Consumer<? super Progress> listener;
  private final Duration interval;
  private final Clock clock;
  private final Set<Source<?>> chain;

  public ProgressStage(Source<T> upstream, Consumer<? super Progress> listener, Duration interval) {
    super(upstream, "onProgress");
    this.listener = listener;
    this.interval = interval;
    this.clock = ClockStage.of(upstream);
    Set<Source<?>> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Source<?> s = upstream; ; s = ((Operator<?, ?>) s).upstream) {
      if (!(s instanceof ClockStage<?>)) {
        nodes.add(s);
      }
      if (!(s instanceof Operator<?, ?>)) {
        break;
      }
    }
    this.chain = Collections.unmodifiableSet(nodes);
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    RunMeter meter = new RunMeter(chain, clock, position());
    Counter<T> counter = new Counter<>(down);
    long start = clock.nanoTime();
    Throwable[] listenerFailure = {null};
    Thread reporter =
        Threads.start(
            describe(),
            () -> {
              try {
                if (meter.sampling()) {
                  sampleAndReport(meter, counter, start);
                }
                while (true) {
                  clock.sleep(interval);
                  listener.accept(snapshot(meter, counter, start, false));
                }
              } catch (InterruptedException e) {
                return;
              } catch (Throwable t) {
                listenerFailure[0] = t;
              }
            });
    RunMeter outer = Metering.current();
    Throwable failure = null;
    Metering.set(meter);
    try {
      upstream.run(counter);
    } catch (Throwable t) {
      failure = t;
    } finally {
      Metering.set(outer);
      reporter.interrupt();
      Threads.joinUninterruptibly(reporter);
    }
    try {
      if (listenerFailure[0] != null) {
        throw listenerFailure[0];
      }
      listener.accept(snapshot(meter, counter, start, true));
    } catch (Throwable t) {
      if (failure == null) {
        throw Failures.at(t, describe());
      }
      failure.addSuppressed(t);
    }
    if (failure != null) {
      throw Failures.sneaky(failure);
    }
  }

  /** On the system clock: looks where the run's threads are every tick, reports every interval. */
  private void sampleAndReport(RunMeter meter, Counter<T> counter, long start)
      throws InterruptedException {
    long every = interval.toNanos();
    long lastTick = clock.nanoTime();
    long lastReport = lastTick;
    while (true) {
      Thread.sleep(RunMeter.TICK_MILLIS);
      long now = clock.nanoTime();
      meter.sample(now - lastTick);
      lastTick = now;
      if (now - lastReport >= every) {
        lastReport = now;
        listener.accept(snapshot(meter, counter, start, false));
      }
    }
  }

  private Progress snapshot(RunMeter meter, Counter<T> counter, long start, boolean done) {
    Runtime rt = Runtime.getRuntime();
    long count = counter.count;
    return new Progress(
        count,
        meter.failedCount(),
        meter.droppedCount(),
        Duration.ofNanos(clock.nanoTime() - start),
        upstream.knownSize(),
        rt.totalMemory() - rt.freeMemory(),
        meter.stats("after " + describe(), position(), count),
        done);
  }

  private static final class Counter<T> implements Downstream<T> {
    private final Downstream<? super T> down;
    long count;

    Counter(Downstream<? super T> down) {
      this.down = down;
    }

    @Override
    public boolean push(T item) throws Exception {
      count++;
      return down.push(item);
    }
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
