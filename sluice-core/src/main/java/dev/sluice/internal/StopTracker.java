package dev.sluice.internal;

/** A relay that remembers whether its downstream stopped, for stages that run several sources. */
final class StopTracker<T> implements Downstream<T> {
  private final Downstream<? super T> down;
  boolean stopped;

  StopTracker(Downstream<? super T> down) {
    this.down = down;
  }

  @Override
  public boolean push(T item) throws Exception {
    if (down.push(item)) {
      return true;
    }
    stopped = true;
    return false;
  }
}
