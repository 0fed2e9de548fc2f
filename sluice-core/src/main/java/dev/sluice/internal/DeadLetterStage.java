package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Result;
import dev.sluice.Sink;

/**
 * {@code mapOrDeadLetter(f, deadLetters)}: each element through {@code f}; an element whose call
 * fails (see {@link Attempts}) is written to the dead-letter sink as a failed {@link Result}
 * instead, counted in {@link dev.sluice.Progress#failed()}, and the run goes on. Each run opens a
 * writer of the sink before the first element, commits it when the run ends without failure (input
 * exhausted or an early stop), and aborts it when the run fails. Holds nothing, adds no thread; the
 * sink is written on the thread that runs the pipe.
 */
public final class DeadLetterStage<T, R> extends Operator<T, R> {
  private final CheckedFunction<? super T, ? extends R> fn;
  private final Sink<? super Result<R>> deadLetters;

  public DeadLetterStage(
      Source<T> upstream,
      CheckedFunction<? super T, ? extends R> fn,
      Sink<? super Result<R>> deadLetters) {
    super(upstream, "mapOrDeadLetter");
    this.fn = fn;
    this.deadLetters = deadLetters;
  }

  @Override
  public void run(Downstream<? super R> downstream) throws Exception {
    Downstream<? super R> down = Metering.wrap(this, downstream);
    RunMeter meter = Metering.current();
    Sink.Writer<? super Result<R>> writer;
    try {
      writer = deadLetters.open();
    } catch (Throwable t) {
      throw Failures.at(t, describe() + " opening the dead-letter sink");
    }
    Throwable failure = null;
    try {
      upstream.run(
          item -> {
            R value;
            try {
              value = fn.apply(item);
            } catch (Throwable t) {
              if (!Attempts.isValue(t)) {
                throw Failures.at(t, describe());
              }
              write(writer, Result.failure(item, (Exception) t));
              Attempts.count(meter);
              return true;
            }
            return down.push(value);
          });
      writer.commit();
    } catch (Throwable t) {
      failure = t;
    }
    if (failure != null) {
      try {
        writer.abort(Failures.visible(failure));
      } catch (Throwable t) {
        failure.addSuppressed(t);
      }
      throw Failures.sneaky(failure);
    }
  }

  private void write(Sink.Writer<? super Result<R>> writer, Result<R> letter) {
    try {
      writer.write(letter);
    } catch (Throwable t) {
      throw Failures.at(t, describe() + " writing to the dead-letter sink");
    }
  }
}
