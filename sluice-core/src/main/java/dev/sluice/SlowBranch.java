package dev.sluice;

/**
 * What {@link Pipe#tee(int, SlowBranch, CheckedConsumer) tee} does when a branch's buffer is full.
 */
public enum SlowBranch {
  /** The main path waits until the branch took an element: the slowest branch sets the pace. */
  WAIT,
  /** The element is not given to that branch; the main path and the other branches go on. */
  DROP,
  /**
   * The branch is detached: it gets what its buffer holds, then fails with a {@link PipeException}
   * naming the buffer; the main path and the other branches go on without it.
   */
  DETACH
}
