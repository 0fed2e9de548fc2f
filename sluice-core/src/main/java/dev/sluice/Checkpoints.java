package dev.sluice;

import java.util.Objects;
import java.util.Optional;

/** Runs a {@link Resumable} source from the position a {@link Checkpoint} holds. */
public final class Checkpoints {
  private Checkpoints() {}

  /**
   * A pipe that, on each run, loads the checkpoint and runs {@code source} after it. Feed it into
   * the sink that saves the same checkpoint, and a rerun after a crash continues after the last
   * commit: nothing lost, nothing written twice.
   *
   * <pre>{@code
   * var sink = Jdbc.sink(target, settings, RowBinder.ofMap()).checkpointed("copy-users");
   * Checkpoints.resume(Jdbc.keyset(source, query), sink.checkpoint()).into(sink);
   * }</pre>
   */
  public static <T> Pipe<Positioned<T>> resume(Resumable<T> source, Checkpoint checkpoint) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(checkpoint, "checkpoint");
    return Pipe.of(checkpoint).flatMap(c -> source.after(c.load()));
  }

  /**
   * Like {@link #resume(Resumable, Checkpoint)}, and when the source fails with a failure {@code
   * policy} retries, goes on after the last position it emitted (see {@link #retrying}).
   */
  public static <T> Pipe<Positioned<T>> resume(
      Resumable<T> source, Checkpoint checkpoint, RetryPolicy policy) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(policy, "policy");
    return Pipe.of(checkpoint).flatMap(c -> retrying(source, c.load(), policy));
  }

  /**
   * A whole-source retry of a resumable source: runs {@code source.after(from)}; when it fails with
   * a failure {@code policy} retries, waits the backoff (on the clock of the pipe {@code after}
   * returned) and runs {@code source.after(p)}, where {@code p} is the position of the last element
   * it emitted (or {@code from} if none was): nothing is read twice, nothing skipped. With a {@link
   * RetryPolicy#consecutive() consecutive} policy an attempt that emitted an element resets the
   * count. Holds the last element emitted; adds no thread.
   *
   * <pre>{@code
   * Checkpoints.retrying(Jdbc.keyset(db, query), Optional.empty(), RetryPolicy.attempts(5))
   *     .map(Positioned::item).into(sink);
   * }</pre>
   */
  public static <T> Pipe<Positioned<T>> retrying(
      Resumable<T> source, Optional<String> from, RetryPolicy policy) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(policy, "policy");
    return Pipe.<Positioned<T>>restartingFrom(
        policy,
        last ->
            Objects.requireNonNull(
                source.after(last == null ? from : Optional.of(last.position())),
                "the pipe returned by the source's after"));
  }
}
