package dev.sluice.internal;

import dev.sluice.Emitter;
import dev.sluice.Stage;

/**
 * {@code first.andThen(second)}: one stage whose run starts both and feeds what {@code first} emits
 * straight into {@code second}, on the same thread, with nothing held in between. When {@code
 * second} asks to stop, {@code first} is unwound like a generator (its emit does not return) and
 * the chain asks its upstream to stop; at the end of the input {@code first} finishes into {@code
 * second}, then {@code second} finishes. When {@code first} stops itself, {@code second} finishes
 * (its input ended) and the chain asks its upstream to stop. {@code Pipe.via} does not run a chain
 * through this class but as one {@code via} per part ({@link #first}, {@link #second}), which
 * behaves the same and costs what the parts cost apart.
 */
public final class StageChain<T, M, R> implements Stage<T, R> {
  private final Stage<T, M> first;
  private final Stage<? super M, R> second;

  public StageChain(Stage<T, M> first, Stage<? super M, R> second) {
    this.first = Checks.notNull(first, "first");
    this.second = Checks.notNull(second, "next");
  }

  /** The stage that runs first. */
  public Stage<T, M> first() {
    return first;
  }

  /** The stage that runs on what the first emits. */
  public Stage<? super M, R> second() {
    return second;
  }

  @Override
  public Integrator<T, R> start() throws Exception {
    Integrator<T, M> a = first.start();
    Integrator<? super M, R> b = second.start();
    return new Integrator<>() {
      private boolean stopped;
      private Throwable failure;

      @Override
      public boolean push(T item, Emitter<R> out) throws Exception {
        if (stopped) {
          return false;
        }
        boolean more = false;
        try {
          more = a.push(item, into(out));
        } catch (Throwable t) {
          settle(t);
        }
        settle(null);
        if (!more && !stopped) { // the first stopped itself: the input of the second ended
          stopped = true;
          b.finish(out);
        }
        return more && !stopped;
      }

      @Override
      public void finish(Emitter<R> out) throws Exception {
        if (!stopped) {
          try {
            a.finish(into(out));
          } catch (Throwable t) {
            settle(t);
          }
          settle(null);
        }
        b.finish(out);
      }

      /** Rethrows what the second stage threw (even if the first swallowed it), else {@code t}. */
      private void settle(Throwable t) {
        if (failure != null) {
          throw Failures.sneaky(t == null ? failure : Failures.combine(failure, t));
        }
        if (t != null && !(stopped && t instanceof StopSignal)) {
          throw Failures.sneaky(t);
        }
      }

      private Emitter<R> out;
      private Emitter<M> into;

      /** The emitter into the second stage; made once, as {@code out} is the same every call. */
      private Emitter<M> into(Emitter<R> out) {
        if (out != this.out) {
          this.out = out;
          this.into = emitterInto(out);
        }
        return into;
      }

      private Emitter<M> emitterInto(Emitter<R> out) {
        return middle -> {
          if (stopped) {
            throw StopSignal.INSTANCE;
          }
          boolean more;
          try {
            more = b.push(middle, out);
          } catch (Throwable t) {
            if (!(t instanceof StopSignal)) {
              failure = t;
            }
            stopped = true;
            throw Failures.sneaky(t);
          }
          if (!more) {
            stopped = true;
            throw StopSignal.INSTANCE;
          }
        };
      }
    };
  }
}
