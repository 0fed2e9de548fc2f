package dev.sluice;

import java.util.List;
import java.util.Objects;

/**
 * One page of a paginated source: its items and the cursor of the next page, or {@code null} when
 * this is the last page. Used by {@link Pipe#paginate}.
 *
 * @param items the items of this page, in order; may be empty
 * @param next the cursor that fetches the next page, or {@code null} for the last page
 * @param <C> the cursor type
 * @param <T> the item type
 */
public record Page<C, T>(List<T> items, C next) {
  /** Checks that {@code items} is present. */
  public Page {
    Objects.requireNonNull(items, "items");
  }

  /** A page followed by the page that {@code next} fetches. */
  public static <C, T> Page<C, T> of(List<T> items, C next) {
    return new Page<>(items, Objects.requireNonNull(next, "next"));
  }

  /** The last page. */
  public static <C, T> Page<C, T> last(List<T> items) {
    return new Page<>(items, null);
  }

  /** Whether a page follows this one. */
  public boolean hasNext() {
    return next != null;
  }
}
