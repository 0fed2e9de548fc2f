package dev.sluice.jdbc.internal;

import dev.sluice.Emitter;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One run of the cursor source: one query on one connection with auto-commit off (PostgreSQL
 * streams a result set only inside a transaction; otherwise it loads every row), read {@code
 * fetchSize} rows at a time. The transaction is rolled back and the connection returned when the
 * run ends in any way.
 */
public final class CursorRun {
  private CursorRun() {}

  /** Streams the rows of {@code query} into {@code out}. */
  public static <T> void run(
      DataSource dataSource, TableQuery query, RowMapper<T> mapper, Emitter<T> out)
      throws SQLException {
    try (CancelWatch watch = new CancelWatch(query.cancelCheck(), query.queryTimeout());
        Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      Throwable failure = null;
      try (PreparedStatement statement = TableSql.resolve(connection, query).cursor(connection)) {
        statement.setFetchSize(query.fetchSize());
        watch.watch(statement);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            out.emit(mapper.map(rs));
          }
        } catch (SQLException e) {
          throw failure(e, watch, query);
        }
      } catch (Throwable t) {
        failure = t;
        throw t;
      } finally {
        watch.done();
        end(connection, autoCommit, failure);
      }
    }
  }

  /** Ends the read-only transaction; a failure here never hides the run's own failure. */
  private static void end(Connection connection, boolean autoCommit, Throwable failure)
      throws SQLException {
    try {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  private static SQLException failure(SQLException e, CancelWatch watch, TableQuery query) {
    if (Thread.currentThread().isInterrupted()) {
      return e;
    }
    if (watch.timedOut()) {
      throw new JdbcException(
          "cursor query on table '"
              + query.table()
              + "' ran longer than queryTimeout "
              + query.queryTimeout()
              + " and was cancelled",
          e);
    }
    throw new JdbcException(
        "reading table '" + query.table() + "' by cursor failed: " + e.getMessage(), e);
  }
}
