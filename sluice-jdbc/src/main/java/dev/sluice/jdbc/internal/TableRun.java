package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One run of a paged table source: resolves the names on its first page, borrows a connection per
 * page (or holds one for the run), watches each query for cancellation, and on {@link #close()}
 * returns what it holds. Confined to the run's thread.
 *
 * @param <T> the element type
 */
public final class TableRun<T> implements AutoCloseable {
  private final DataSource dataSource;
  private final TableQuery query;
  private final RowMapper<T> mapper;
  private final CancelWatch watch;
  private Connection held;
  private TableSql sql;
  private long pageNumber;

  public TableRun(DataSource dataSource, TableQuery query, RowMapper<T> mapper) {
    this.dataSource = dataSource;
    this.query = query;
    this.mapper = mapper;
    this.watch = new CancelWatch(query.cancelCheck(), query.queryTimeout());
  }

  /**
   * The page after the key values {@code after} (null for the first page); with the key of each row
   * if {@code withKeys}, else only of the last row.
   */
  public KeysetPage<T> keysetPage(List<Object> after, boolean withKeys) throws SQLException {
    return read(c -> sql().keysetPage(c, after), withKeys, true);
  }

  /** The page that starts {@code offset} rows into the table. */
  public KeysetPage<T> offsetPage(long offset) throws SQLException {
    return read(c -> sql().offsetPage(c, offset), false, false);
  }

  /** The SQL of this run's query; resolved on first use. */
  TableSql sql() {
    return sql;
  }

  private KeysetPage<T> read(Prepare prepare, boolean withKeys, boolean lookahead)
      throws SQLException {
    pageNumber++;
    Connection connection = borrow();
    try {
      if (sql == null) {
        sql = TableSql.resolve(connection, query, true);
      }
      try (PreparedStatement statement = prepare.on(connection)) {
        watch.watch(statement);
        try (ResultSet rs = statement.executeQuery()) {
          return collect(rs, withKeys, lookahead);
        } finally {
          watch.done();
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      if (connection != held) {
        connection.close();
      }
    }
  }

  /**
   * The page's rows, checking that each key follows the previous one. With {@code lookahead} the
   * statement asked for one row more than a page: that row is not mapped, only its key checked
   * against the page's last key (so duplicates across a page boundary fail too) and its presence
   * tells that another page follows.
   */
  private KeysetPage<T> collect(ResultSet rs, boolean withKeys, boolean lookahead)
      throws SQLException {
    List<T> rows = new ArrayList<>(Math.min(query.pageSize(), 10_000));
    List<List<Object>> keys = withKeys ? new ArrayList<>() : null;
    List<Object> last = null;
    boolean more = false;
    while (rs.next()) {
      List<Object> key = sql.keyOf(rs);
      sql.checkIncreasing(last, key);
      if (rows.size() == query.pageSize()) {
        more = true;
        break;
      }
      rows.add(mapper.map(rs));
      last = key;
      if (withKeys) {
        keys.add(key);
      }
    }
    boolean full = lookahead ? more : rows.size() == query.pageSize();
    return new KeysetPage<>(rows, keys, full ? last : null);
  }

  private Connection borrow() throws SQLException {
    if (held != null) {
      return held;
    }
    Connection connection = dataSource.getConnection();
    if (query.connectionPerRun()) {
      held = connection;
    }
    return connection;
  }

  private SQLException failure(SQLException e) {
    if (Thread.currentThread().isInterrupted()) {
      return e;
    }
    String where = "page " + pageNumber + " of table '" + query.table() + "'";
    if (watch.timedOut()) {
      throw new JdbcException(
          "query for "
              + where
              + " ran longer than queryTimeout "
              + query.queryTimeout()
              + " and was cancelled",
          e);
    }
    throw new JdbcException("reading " + where + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() throws SQLException {
    watch.close();
    if (held != null) {
      Connection connection = held;
      held = null;
      connection.close();
    }
  }

  @FunctionalInterface
  private interface Prepare {
    PreparedStatement on(Connection connection) throws SQLException;
  }
}
