package dev.sluice.internal;

import dev.sluice.CheckedBiFunction;
import dev.sluice.CheckedConsumer;
import dev.sluice.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collector;

/** The terminal operations: each runs its source once on the caller's thread. */
public final class Terminals {
  private Terminals() {}

  /** Runs {@code source} into {@code down}, surfacing a failure by the error rule. */
  public static <T> void run(Source<T> source, Downstream<? super T> down) {
    try {
      source.run(down);
    } catch (Throwable t) {
      throw Failures.surface(t);
    }
  }

  public static <T> void forEach(Source<T> source, CheckedConsumer<? super T> action) {
    run(
        source,
        new Downstream<T>() {

          @Override
          public boolean push(T item) {
            try {
              action.accept(item);
            } catch (Throwable t) {
              throw Failures.at(t, "forEach (terminal)");
            }
            return true;
          }
        });
  }

  public static <T> List<T> toList(Source<T> source) {
    List<T> list = new ArrayList<>();
    run(source, list::add);
    return list;
  }

  public static <T> long count(Source<T> source) {
    long[] count = {0};
    run(
        source,
        item -> {
          count[0]++;
          return true;
        });
    return count[0];
  }

  public static <T, A> A fold(
      Source<T> source, A identity, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
    UnboxedFold.Folding<T, A> fold = UnboxedFold.of(identity, fn);
    if (fold == null) {
      fold = new Folder<>(identity, fn);
    }
    run(source, fold);
    return fold.result(identity);
  }

  public static <T, A, R> R collect(Source<T> source, Collector<? super T, A, R> collector) {
    A container = collector.supplier().get();
    BiConsumer<A, ? super T> accumulator = collector.accumulator();
    run(
        source,
        item -> {
          accumulator.accept(container, item);
          return true;
        });
    return collector.finisher().apply(container);
  }

  public static <T> Optional<T> first(Source<T> source) {
    List<T> found = new ArrayList<>(1);
    run(
        source,
        item -> {
          found.add(item);
          return false;
        });
    return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
  }

  /** Runs into a sink writer: commit on success, abort on any failure; returns the count. */
  public static <T> long into(Source<T> source, Sink<? super T> sink) {
    Sink.Writer<? super T> writer;
    try {
      writer = sink.open();
    } catch (Throwable t) {
      throw Failures.surface(t);
    }
    long[] count = {0};
    Throwable failure = null;
    try {
      source.run(
          item -> {
            try {
              writer.write(item);
            } catch (Throwable t) {
              throw Failures.at(t, "into (sink)");
            }
            count[0]++;
            return true;
          });
      writer.commit();
    } catch (Throwable t) {
      failure = t;
    }
    if (failure != null) {
      Throwable abortFailure = null;
      try {
        writer.abort(Failures.visible(failure));
      } catch (Throwable t) {
        abortFailure = t;
      }
      // The abort's failure goes on the exception the caller gets (not on a wrapped cause), the
      // same whether the write or the commit failed.
      RuntimeException thrown;
      try {
        thrown = Failures.surface(failure);
      } catch (Error e) {
        if (abortFailure != null) {
          e.addSuppressed(abortFailure);
        }
        throw e;
      }
      if (abortFailure != null) {
        thrown.addSuppressed(abortFailure);
      }
      throw thrown;
    }
    return count[0];
  }

  private static final class Folder<T, A> implements UnboxedFold.Folding<T, A> {
    private final CheckedBiFunction<? super A, ? super T, ? extends A> fn;
    private A acc;

    Folder(A identity, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
      this.acc = identity;
      this.fn = fn;
    }

    @Override
    public boolean push(T item) {
      try {
        acc = fn.apply(acc, item);
      } catch (Throwable t) {
        throw Failures.at(t, "reduce (terminal)");
      }
      return true;
    }

    @Override
    public A result(A identity) {
      return acc;
    }
  }
}
