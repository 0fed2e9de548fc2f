package dev.sluice.jdbc;

import dev.sluice.Page;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.jdbc.internal.KeyCodec;
import dev.sluice.jdbc.internal.KeysetPage;
import dev.sluice.jdbc.internal.TableRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A table read page by page in key order: each page is {@code WHERE key > last ORDER BY key LIMIT
 * pageSize}, so reading page n costs the same as page 1 (given an index on the key). Made by {@link
 * Jdbc#keyset}; a recipe like a {@link Pipe}: each run reads the table again.
 *
 * <p>The key must be a NOT NULL unique key ({@link TableInfo#requireKeysetKey}; checked when a run
 * starts, and each row's key must exceed the one before, else the run fails naming both); with a
 * composite key rows sharing the leading columns are neither lost nor repeated. Each page borrows a
 * connection and returns it before its rows are emitted (or, with {@link
 * TableQuery#connectionPerRun}, the run holds one); the run closes everything on every way out.
 * Rows committed during a run are seen if their key is beyond the page being read, and not
 * otherwise; there is no snapshot across pages.
 *
 * <p>Interrupting the run's thread cancels a running query with {@code Statement.cancel} (checked
 * every {@link TableQuery#cancelCheck}), and the run ends with a {@code PipeCancelledException}.
 *
 * @param <T> the row type
 */
public final class KeysetSource<T> implements Resumable<T> {
  private final DataSource dataSource;
  private final TableQuery query;
  private final RowMapper<T> mapper;

  KeysetSource(DataSource dataSource, TableQuery query, RowMapper<T> mapper) {
    this.dataSource = dataSource;
    this.query = query;
    this.mapper = mapper;
  }

  /** The rows, in key order. */
  public Pipe<T> rows() {
    return pages().flatMap(Pipe::from);
  }

  /** The pages, each a non-empty list of at most {@link TableQuery#pageSize} rows. */
  public Pipe<List<T>> pages() {
    return Pipe.using(
        this::open,
        run ->
            Pipe.paginate(
                (List<Object>) null,
                after -> {
                  KeysetPage<T> page = run.keysetPage(after, false);
                  List<List<T>> items = page.rows().isEmpty() ? List.of() : List.of(page.rows());
                  return new Page<>(items, page.next());
                }));
  }

  /**
   * The rows after {@code position} (all rows if empty), each with its own key as position. A
   * position that is not a key of this source's shape fails the run, quoting it.
   */
  @Override
  public Pipe<Positioned<T>> after(Optional<String> position) {
    List<String> key = query.key();
    return Pipe.using(
        this::open,
        run ->
            Pipe.paginate(
                position.map(p -> KeyCodec.decode(p, key.size())).orElse(null),
                after -> {
                  KeysetPage<T> page = run.keysetPage(after, true);
                  List<Positioned<T>> items = new ArrayList<>(page.rows().size());
                  for (int i = 0; i < page.rows().size(); i++) {
                    String at = KeyCodec.encode(key, page.keys().get(i));
                    items.add(new Positioned<>(page.rows().get(i), at));
                  }
                  return new Page<>(items, page.next());
                }));
  }

  /** The settings this source reads with. */
  public TableQuery query() {
    return query;
  }

  private TableRun<T> open() {
    return new TableRun<>(dataSource, query, mapper);
  }

  @Override
  public String toString() {
    return "KeysetSource" + query;
  }
}
