package dev.sluice.test;

import dev.sluice.Clock;
import dev.sluice.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A source that plays a script (elements, failures at chosen positions, delays) and records how it
 * was used: how many elements were pulled from it, how many runs opened and closed it, and how
 * often its {@code finally} ran. Build one with {@link #builder()} or {@link #of}, run {@link
 * #pipe()} through the code under test, then assert on the counters.
 *
 * <pre>{@code
 * ScriptedSource<Integer> source = ScriptedSource.<Integer>builder()
 *     .emit(1, 2, 3).fail(() -> new IOException("disk gone")).build();
 * assertThatThrownBy(() -> source.pipe().map(x -> x * 2).toList()).hasRootCauseMessage("disk gone");
 * assertThat(source.closes()).isEqualTo(1);
 * }</pre>
 *
 * <p>Thread-safe: the counters may be read while a run goes on in another thread. Each run replays
 * the whole script; the counters add up over runs (see {@link #pulledInLastRun()}).
 *
 * @param <T> the element type
 */
public final class ScriptedSource<T> {
  private final List<Step<T>> script;
  private final Clock clock;
  private final AtomicLong pulled = new AtomicLong();
  private final AtomicLong pulledInLastRun = new AtomicLong();
  private final AtomicInteger opens = new AtomicInteger();
  private final AtomicInteger closes = new AtomicInteger();
  private final AtomicInteger finallies = new AtomicInteger();

  private ScriptedSource(List<Step<T>> script, Clock clock) {
    this.script = List.copyOf(script);
    this.clock = clock;
  }

  /** A source that emits {@code items} in order. */
  public static <T> ScriptedSource<T> of(List<T> items) {
    Builder<T> builder = builder();
    items.forEach(builder::emit);
    return builder.build();
  }

  /** A source that emits the integers from 0 (inclusive) to {@code n} (exclusive). */
  public static ScriptedSource<Integer> ofRange(int n) {
    Builder<Integer> builder = builder();
    for (int i = 0; i < n; i++) {
      builder.emit(i);
    }
    return builder.build();
  }

  /** A builder for a script. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * A pipe that plays the script. Each run opens the source (counted by {@link #opens()}), emits
   * and closes it on every way out (counted by {@link #closes()}). With a {@link Builder#clock
   * clock}, the pipe runs on it ({@link Pipe#withClock}): its delays and the timed stages after it
   * read the same clock.
   */
  public Pipe<T> pipe() {
    Pipe<T> pipe = Pipe.using(this::open, resource -> Pipe.generate(out -> play(out::emit)));
    return clock == null ? pipe : pipe.withClock(clock);
  }

  private AutoCloseable open() {
    opens.incrementAndGet();
    pulledInLastRun.set(0);
    return closes::incrementAndGet;
  }

  private void play(Consumer<T> out) throws Exception {
    try {
      for (Step<T> step : script) {
        switch (step) {
          case Step.Emit<T> emit -> {
            pulled.incrementAndGet();
            pulledInLastRun.incrementAndGet();
            out.accept(emit.item());
          }
          case Step.Fail<T> fail -> throw fail.failure().get();
          case Step.Delay<T> delay ->
              (clock == null ? Clock.system() : clock).sleep(delay.duration());
        }
      }
    } finally {
      finallies.incrementAndGet();
    }
  }

  /** Elements handed downstream, over all runs. */
  public long pulled() {
    return pulled.get();
  }

  /** Elements handed downstream in the latest run. */
  public long pulledInLastRun() {
    return pulledInLastRun.get();
  }

  /** Runs that opened the source. */
  public int opens() {
    return opens.get();
  }

  /** Runs that closed the source. */
  public int closes() {
    return closes.get();
  }

  /** Times the generator's {@code finally} block ran. */
  public int finallies() {
    return finallies.get();
  }

  /** Whether every run that opened the source also closed it. */
  public boolean allClosed() {
    return opens.get() == closes.get();
  }

  /** A script under construction; not thread-safe. */
  public static final class Builder<T> {
    private final List<Step<T>> steps = new ArrayList<>();
    private Clock clock;

    private Builder() {}

    /** Emits the items in order. */
    @SafeVarargs
    public final Builder<T> emit(T... items) {
      for (T item : items) {
        steps.add(new Step.Emit<>(item));
      }
      return this;
    }

    /** Throws a fresh failure from {@code failure} at this point of the script. */
    public Builder<T> fail(Supplier<? extends Exception> failure) {
      steps.add(new Step.Fail<>(Objects.requireNonNull(failure, "failure")));
      return this;
    }

    /**
     * The clock the script's delays wait on, and the pipe runs on (default: the system clock), so a
     * {@link VirtualClock} drives them.
     */
    public Builder<T> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Waits (interruptibly) on the script's clock at this point of the script. */
    public Builder<T> delay(Duration duration) {
      steps.add(new Step.Delay<>(Objects.requireNonNull(duration, "duration")));
      return this;
    }

    /** The source. */
    public ScriptedSource<T> build() {
      return new ScriptedSource<>(steps, clock);
    }
  }

  private sealed interface Step<T> {
    record Emit<T>(T item) implements Step<T> {}

    record Fail<T>(Supplier<? extends Exception> failure) implements Step<T> {}

    record Delay<T>(Duration duration) implements Step<T> {}
  }
}
