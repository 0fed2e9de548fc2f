package dev.sluice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The column names of {@link Row}s, in order, with a lookup by name. Immutable and thread-safe; the
 * rows of one run share one instance, so a stage or a writer can resolve a name to an index once
 * and reuse it while the next row has the same (identical) {@code Columns}.
 *
 * <p>Names may repeat (a CSV header can): {@link #indexOf} finds the first, and {@link
 * #hasDuplicates} tells a writer that needs unique names (JSON keys) to refuse them.
 *
 * <pre>{@code
 * Columns columns = Columns.of("id", "email");
 * columns.indexOf("email"); // 1
 * Row row = Row.of(columns, 7L, "a@example.com");
 * }</pre>
 */
public final class Columns {
  private final List<String> names;
  private final Map<String, Integer> index;

  private Columns(List<String> names) {
    this.names = List.copyOf(names);
    this.index = HashMap.newHashMap(names.size());
    for (int i = 0; i < this.names.size(); i++) {
      index.putIfAbsent(this.names.get(i), i);
    }
  }

  /** Columns of these names, in order; a name must not be null. */
  public static Columns of(List<String> names) {
    Objects.requireNonNull(names, "names");
    return new Columns(names);
  }

  /** Columns of these names, in order; a name must not be null. */
  public static Columns of(String... names) {
    return of(List.of(names));
  }

  /** The names, in order (unmodifiable). */
  public List<String> names() {
    return names;
  }

  /** The number of columns. */
  public int size() {
    return names.size();
  }

  /** The name of column {@code index} (from 0). */
  public String name(int index) {
    return names.get(index);
  }

  /** The index (from 0) of the first column called {@code name}, or -1 if there is none. */
  public int find(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /**
   * The index (from 0) of the first column called {@code name}.
   *
   * @throws IllegalArgumentException naming the columns if there is none
   */
  public int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no column " + name + " in " + names);
    }
    return i;
  }

  /** Whether a column is called {@code name}. */
  public boolean contains(String name) {
    return index.containsKey(name);
  }

  /** Whether some name appears more than once. */
  public boolean hasDuplicates() {
    return index.size() != names.size();
  }

  /** Equal when the names are equal, in order. */
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Columns c && c.names.equals(names));
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return names.toString();
  }
}
