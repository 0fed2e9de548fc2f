package dev.sluice.internal;

/**
 * One node of a pipe's recipe: a source or a stage with its upstream. {@link #run} executes the
 * whole chain up to here once; it is called again for every run, so instances hold no run state.
 *
 * @param <T> the element type
 */
public abstract class Source<T> {
  private final int position;
  private final String name;

  /** A source at the start of a chain. */
  protected Source(String name) {
    this.position = 0;
    this.name = name;
  }

  /** A stage after {@code upstream}. */
  protected Source(Source<?> upstream, String name) {
    this.position = upstream.position + 1;
    this.name = name;
  }

  /**
   * Pushes the elements of one run into {@code down} and returns when the input is exhausted or
   * {@code down} returned {@code false}. Throws the run's failure unchanged; closes what it opened
   * on every way out.
   */
  public abstract void run(Downstream<? super T> down) throws Exception;

  /** The index of this node in its chain: 0 for the source, then 1, 2, … for the stages. */
  public final int position() {
    return position;
  }

  /** A short description for error notes, like {@code "map (stage 2)"}. */
  public final String describe() {
    return name + " (stage " + position + ")";
  }

  /**
   * Whether this node only hands elements from one thread to another ({@code buffer}): the time its
   * upstream spends pushing into it is waiting for the other side, not work, so progress reports
   * give it no working time.
   */
  public boolean handsOff() {
    return false;
  }

  /** The total number of elements this source will produce, or -1 if unknown. */
  public long knownSize() {
    return -1;
  }
}
