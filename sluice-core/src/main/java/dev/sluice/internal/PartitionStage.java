package dev.sluice.internal;

import dev.sluice.CheckedConsumer;
import dev.sluice.CheckedPredicate;
import dev.sluice.Pipe;
import java.util.function.Function;

/**
 * {@code partition(predicate, matching, others)}: hands each element to one of two branch pipes,
 * {@code matching} when the predicate holds and {@code others} when not, and passes it on
 * downstream. Each branch runs on a virtual thread of its own behind an {@link SpscChannel} of
 * {@code buffer} elements; a full buffer makes the main path wait (so the slower branch sets the
 * pace and nothing is dropped). A branch that stops early just receives nothing more; a branch that
 * fails fails the run. Both branch threads are joined before this stage returns or throws. Adds two
 * threads; holds at most {@code 2 * buffer} elements.
 */
public final class PartitionStage<T> extends Operator<T, T> {
  private final int buffer;
  private final CheckedPredicate<? super T> predicate;
  private final CheckedConsumer<? super Pipe<T>> matching;
  private final CheckedConsumer<? super Pipe<T>> others;
  private final Function<Source<T>, Pipe<T>> toPipe;

  public PartitionStage(
      Source<T> upstream,
      int buffer,
      CheckedPredicate<? super T> predicate,
      CheckedConsumer<? super Pipe<T>> matching,
      CheckedConsumer<? super Pipe<T>> others,
      Function<Source<T>, Pipe<T>> toPipe) {
    super(upstream, "partition");
    this.buffer = buffer;
    this.predicate = predicate;
    this.matching = matching;
    this.others = others;
    this.toPipe = toPipe;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    Branch yes = new Branch(matching, "matching");
    Branch no = new Branch(others, "others");
    Throwable failure = null;
    try {
      upstream.run(
          item -> {
            boolean test;
            try {
              test = predicate.test(item);
            } catch (Throwable t) {
              throw Failures.at(t, describe());
            }
            (test ? yes : no).give(item);
            return down.push(item);
          });
    } catch (Throwable t) {
      failure = t;
    }
    yes.end(failure);
    no.end(failure);
    if (failure != null) {
      throw Failures.sneaky(failure);
    }
    yes.throwFailure();
    no.throwFailure();
  }

  private final class Branch {
    private final SpscChannel<T> channel = new SpscChannel<>(buffer);
    private final String name;
    private final Thread thread;
    private Throwable failure;
    private boolean gone;

    Branch(CheckedConsumer<? super Pipe<T>> branch, String which) {
      this.name = describe() + " " + which + " branch";
      this.thread =
          Threads.start(
              name,
              () -> {
                try {
                  branch.accept(toPipe.apply(new ChannelSource<>(channel, name)));
                } catch (Throwable t) {
                  failure = t;
                }
                channel.cancel();
              });
    }

    void give(T item) {
      if (!gone && !channel.put(item)) {
        gone = true;
        Threads.joinUninterruptibly(thread);
        throwFailure();
      }
    }

    /** Ends the branch's input (cancelled when the run failed) and joins its thread. */
    void end(Throwable runFailure) {
      channel.complete(runFailure == null ? null : CancelSignal.INSTANCE);
      if (runFailure != null) {
        thread.interrupt();
      }
      Threads.joinUninterruptibly(thread);
    }

    void throwFailure() {
      if (failure != null) {
        throw Failures.at(failure, name);
      }
    }
  }
}
