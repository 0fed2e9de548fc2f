package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Page;
import java.util.List;

/**
 * {@code Pipe.paginate}: fetches a page, pushes its items, follows its cursor. A {@link Position}
 * records how far a run got (the cursor of the current page and how many of its items were taken),
 * so {@code retry} can run it again from there: it fetches that page again and skips only the items
 * of it already taken, instead of reading every page again.
 */
public final class PaginateSource<C, T> extends Source<T> {
  private final C first;
  private final CheckedFunction<? super C, Page<C, T>> fetch;

  public PaginateSource(C first, CheckedFunction<? super C, Page<C, T>> fetch) {
    super("paginate");
    this.first = first;
    this.fetch = fetch;
  }

  /** How far a run got: updated as it goes, so a run that failed can resume from it. */
  public final class Position {
    C cursor = first;
    long pageNumber = 1;
    int taken;
    long index;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    run(downstream, new Position());
  }

  /** A run from {@code at}, which it moves forward as items are taken and pages followed. */
  public void run(Downstream<? super T> downstream, Position at) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    while (true) {
      CancelSignal.checkInterrupt();
      Page<C, T> page;
      try {
        page = fetch.apply(at.cursor);
        if (page == null) {
          throw new NullPointerException("the page function returned null");
        }
      } catch (Throwable t) {
        throw Failures.at(
            t, describe() + " fetching page " + at.pageNumber + " (cursor " + at.cursor + ")");
      }
      List<T> items = page.items();
      try {
        for (int i = at.taken; i < items.size(); i++) {
          if (!down.push(items.get(i))) {
            return;
          }
          at.taken++;
          at.index++;
        }
      } catch (Throwable t) {
        throw Failures.atElement(t, describe(), at.index);
      }
      if (!page.hasNext()) {
        return;
      }
      at.cursor = page.next();
      at.pageNumber++;
      at.taken = 0;
    }
  }

  /** The paginate source at the root of {@code source}, with only {@code withClock} between. */
  static PaginateSource<?, ?> directlyAbove(Source<?> source) {
    Source<?> s = source;
    while (s instanceof ClockStage<?> clock) {
      s = clock.upstream;
    }
    return s instanceof PaginateSource<?, ?> paginate ? paginate : null;
  }
}
