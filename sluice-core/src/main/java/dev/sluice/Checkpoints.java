package dev.sluice;

import java.util.Objects;

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
}
