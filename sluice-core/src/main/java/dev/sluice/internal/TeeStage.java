package dev.sluice.internal;

import dev.sluice.CheckedConsumer;
import dev.sluice.Pipe;
import dev.sluice.PipeException;
import dev.sluice.SlowBranch;
import java.util.function.Function;

/**
 * {@code tee(buffer, policy, branch)}: hands every element to a branch pipe running on a virtual
 * thread, through an {@link SpscChannel} of {@code buffer} elements, and passes it on downstream.
 * When the branch's buffer is full the {@link SlowBranch} policy decides: wait, drop the element
 * for that branch, or detach it with an error. A branch that fails fails the run (unless it was
 * detached); a branch that stops early just stops receiving. An upstream failure reaches the branch
 * after the elements before it (the branch's pipe fails with it); a failure downstream or a
 * cancellation interrupts the branch. The branch thread is joined before this stage returns or
 * throws.
 */
public final class TeeStage<T> extends Operator<T, T> {
  private final int buffer;
  private final SlowBranch policy;
  private final CheckedConsumer<? super Pipe<T>> branch;
  private final Function<Source<T>, Pipe<T>> toPipe;

  public TeeStage(
      Source<T> upstream,
      int buffer,
      SlowBranch policy,
      CheckedConsumer<? super Pipe<T>> branch,
      Function<Source<T>, Pipe<T>> toPipe) {
    super(upstream, "tee");
    this.buffer = buffer;
    this.policy = policy;
    this.branch = branch;
    this.toPipe = toPipe;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    SpscChannel<T> channel = new SpscChannel<>(buffer);
    Throwable[] branchFailure = {null};
    Thread thread =
        Threads.start(
            describe() + " branch",
            () -> {
              try {
                branch.accept(toPipe.apply(new ChannelSource<>(channel, describe() + " branch")));
              } catch (Throwable t) {
                branchFailure[0] = t;
              }
              channel.cancel();
            });
    Feeder feeder = new Feeder(channel, down, thread, branchFailure);
    Throwable failure = null;
    try {
      upstream.run(feeder);
    } catch (Throwable t) {
      failure = t;
    }
    // An upstream failure reaches the branch after the elements before it, like the end of the
    // input; a failure downstream or a cancellation ends the branch at once.
    boolean upstreamFailed =
        failure != null && !feeder.pushing && !(failure instanceof CancelSignal);
    if (!feeder.detached) {
      channel.complete(failure == null || upstreamFailed ? failure : CancelSignal.INSTANCE);
    }
    if (failure != null && !upstreamFailed) {
      thread.interrupt();
    }
    Threads.joinUninterruptibly(thread);
    if (failure != null) {
      throw Failures.sneaky(failure);
    }
    if (branchFailure[0] != null && !feeder.detached) {
      throw Failures.at(branchFailure[0], describe() + " branch");
    }
  }

  private final class Feeder implements Downstream<T> {
    private final SpscChannel<T> channel;
    private final Downstream<? super T> down;
    private final Thread thread;
    private final Throwable[] branchFailure;
    boolean detached;
    boolean gone;

    /** The main path is pushing downstream: a failure now is downstream's. */
    boolean pushing;

    Feeder(
        SpscChannel<T> channel,
        Downstream<? super T> down,
        Thread thread,
        Throwable[] branchFailure) {
      this.channel = channel;
      this.down = down;
      this.thread = thread;
      this.branchFailure = branchFailure;
    }

    @Override
    public boolean push(T item) throws Exception {
      if (!gone && !handOver(item)) {
        gone = true;
        if (!detached) {
          Threads.joinUninterruptibly(thread);
          if (branchFailure[0] != null) {
            throw Failures.at(branchFailure[0], describe() + " branch");
          }
        }
      }
      pushing = true;
      boolean more = down.push(item);
      pushing = false;
      return more;
    }

    /** Gives the branch the element; false once the branch is gone (stopped, failed, detached). */
    private boolean handOver(T item) {
      switch (policy) {
        case WAIT -> {
          return channel.put(item);
        }
        case DROP -> {
          return channel.offer(item) || !channel.isCancelled();
        }
        default -> {
          if (channel.offer(item)) {
            return true;
          }
          if (channel.isCancelled()) {
            return false;
          }
          detached = true;
          channel.complete(
              new PipeException(
                  "branch detached: its buffer of "
                      + buffer
                      + " elements was full (SlowBranch.DETACH)"));
          return false;
        }
      }
    }
  }

  @Override
  public long knownSize() {
    return upstream.knownSize();
  }
}
