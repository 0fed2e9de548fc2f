package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Page;

/** {@code Pipe.paginate}: fetches a page, pushes its items, follows its cursor. */
public final class PaginateSource<C, T> extends Source<T> {
  private final C first;
  private final CheckedFunction<? super C, Page<C, T>> fetch;

  public PaginateSource(C first, CheckedFunction<? super C, Page<C, T>> fetch) {
    super("paginate");
    this.first = first;
    this.fetch = fetch;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    C cursor = first;
    long index = 0;
    for (long pageNumber = 1; ; pageNumber++) {
      CancelSignal.checkInterrupt();
      Page<C, T> page;
      try {
        page = fetch.apply(cursor);
        if (page == null) {
          throw new NullPointerException("the page function returned null");
        }
      } catch (Throwable t) {
        throw Failures.at(
            t, describe() + " fetching page " + pageNumber + " (cursor " + cursor + ")");
      }
      try {
        for (T item : page.items()) {
          if (!down.push(item)) {
            return;
          }
          index++;
        }
      } catch (Throwable t) {
        throw Failures.atElement(t, describe(), index);
      }
      if (!page.hasNext()) {
        return;
      }
      cursor = page.next();
    }
  }
}
