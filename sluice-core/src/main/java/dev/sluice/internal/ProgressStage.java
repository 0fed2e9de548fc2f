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
 * (see {@link RunMeter}; only while this stage runs), and hands a {@link Progress} to the listener
 * every {@code interval} from a virtual thread, then once more, marked done, on the calling thread
 * when the run ends in any way. The listener is never called by two threads at once; a failure of
 * the listener fails the run.
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
    RunMeter meter = new RunMeter(chain, clock);
    Counter<T> counter = new Counter<>(down);
    long start = clock.nanoTime();
    Throwable[] listenerFailure = {null};
    Thread reporter =
        Threads.start(
            describe(),
            () -> {
              try {
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
