package dev.sluice;

/**
 * Where a run's elements end up, with an all-or-nothing ending: {@link Pipe#into(Sink)} opens a
 * {@link Writer} for the run, writes every element to it, then calls {@link Writer#commit()} if the
 * run succeeded or {@link Writer#abort(Throwable)} if it failed, stopped early by an error, or was
 * cancelled. A file sink, for example, writes to a temporary file that commit renames into place
 * and abort deletes, so a failed run leaves no half-written output.
 *
 * <p>A sink is a recipe like a {@link Pipe}: each run opens a writer of its own. See {@link Sinks}
 * for ready-made ones.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Sink<T> {
  /** Opens a writer for one run. Called on the thread that runs the pipe, before any element. */
  Writer<T> open() throws Exception;

  /**
   * The per-run side of a sink. Exactly one of {@link #commit()} and {@link #abort(Throwable)} is
   * called last, except that a {@code commit} that throws is followed by {@code abort} with that
   * failure, so abort is where a writer releases what it holds. Used from one thread at a time.
   *
   * @param <T> the element type
   */
  interface Writer<T> {
    /** Writes one element. */
    void write(T item) throws Exception;

    /** Makes everything written visible, atomically where the target allows. */
    void commit() throws Exception;

    /**
     * Discards what was written and releases resources. {@code cause} is the run's failure. A
     * failure thrown here is added to the run's failure as suppressed.
     */
    void abort(Throwable cause) throws Exception;
  }
}
