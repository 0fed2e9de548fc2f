package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.SinkSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One run of a JDBC sink: holds one connection with auto-commit off, buffers at most {@code
 * batchSize} rows (with {@link CopyIn}, none: each row streams into the batch's running {@code
 * COPY}), and commits each batch (with the position of its last row, if checkpointed) in one
 * transaction. A failing batch is rolled back. Confined to the run's thread.
 *
 * @param <T> the element type
 */
public final class BatchWriter<T> {
  private final SinkSettings settings;
  private final RowBinder<? super T> binder;
  private final CheckpointTable checkpoint;
  private final Connection connection;
  private final CancelWatch watch;
  private final PreparedStatement statement;
  private final CopyIn copy;
  private final List<T> buffer;
  private T first;
  private int pending;
  private final int[] keyIndexes;
  private String position;
  private long batches;
  private long committedRows;
  private boolean closed;

  private BatchWriter(
      SinkSettings settings,
      RowBinder<? super T> binder,
      CheckpointTable checkpoint,
      Connection connection,
      String sql,
      CopyIn copy)
      throws SQLException {
    this.settings = settings;
    this.binder = binder;
    this.checkpoint = checkpoint;
    this.connection = connection;
    this.watch = new CancelWatch(settings.cancelCheck(), Duration.ZERO);
    this.copy = copy;
    this.statement = copy == null ? connection.prepareStatement(sql) : null;
    this.buffer = new ArrayList<>(Math.min(settings.batchSize(), 10_000));
    this.keyIndexes = settings.key().stream().mapToInt(settings.columns()::indexOf).toArray();
  }

  /** Borrows a connection, checks the names and prepares the statement. */
  public static <T> BatchWriter<T> open(
      DataSource dataSource,
      SinkSettings settings,
      RowBinder<? super T> binder,
      CheckpointTable checkpoint)
      throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      if (checkpoint != null) {
        checkpoint.ensure(connection);
      }
      TableRef table = TableRef.resolve(connection, settings.table());
      List<String> columns = table.columns(settings.columns());
      List<String> key = table.columns(settings.key());
      if (settings.copy() && CopyIn.supports(connection)) {
        CopyIn copy = CopyIn.open(connection, table, columns, key, settings.mode());
        return new BatchWriter<>(settings, binder, checkpoint, connection, null, copy);
      }
      String sql = WriteSql.of(connection, table, columns, key, settings.mode());
      return new BatchWriter<>(settings, binder, checkpoint, connection, sql, null);
    } catch (SQLException | RuntimeException e) {
      try (connection) {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Adds a row (and the position after it); commits the batch when it is full. */
  public void add(T item, String positionAfter) throws Exception {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (pending == 0) {
      first = item;
    }
    pending++;
    position = positionAfter;
    if (copy != null) {
      stream(item);
    } else {
      buffer.add(item);
    }
    if (pending == settings.batchSize()) {
      flush();
    }
  }

  /** Commits the last batch and returns the connection. */
  public void commit() throws Exception {
    flush();
    close();
  }

  /** Rolls back the unfinished batch and returns the connection. */
  public void abort() throws SQLException {
    if (!closed) {
      try {
        if (copy != null) {
          copy.cancelBatch();
        }
        connection.rollback();
      } finally {
        close();
      }
    }
  }

  /**
   * Writes one row into the batch's running {@code COPY} (started by the batch's first row), so the
   * server takes the rows while the next ones are read; a batch holds no rows, only a 64 KiB
   * buffer.
   */
  private void stream(T item) throws Exception {
    List<?> values = values(item);
    try {
      if (!copy.running()) {
        watch.watch(copy.cancel());
        copy.begin();
      }
      copy.row(values);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private List<?> values(T item) throws Exception {
    List<?> values = binder.values(item, settings.columns());
    if (values.size() != settings.columns().size()) {
      throw new JdbcException(
          "the row binder gave "
              + values.size()
              + " values for the "
              + settings.columns().size()
              + " columns "
              + settings.columns()
              + " of table '"
              + settings.table()
              + "'");
    }
    return values;
  }

  /** Rolls the batch back after {@code e} and describes it. */
  private Exception failed(SQLException e) throws Exception {
    watch.done();
    if (copy != null) {
      copy.cancelBatch();
    }
    try {
      connection.rollback();
    } catch (SQLException rollback) {
      e.addSuppressed(rollback);
    }
    if (Thread.currentThread().isInterrupted()) {
      return e;
    }
    return new JdbcException(describe() + " failed and was rolled back: " + message(e), e);
  }

  private void flush() throws Exception {
    if (pending == 0) {
      return;
    }
    batches++;
    if (copy != null) {
      try {
        copy.end();
        watch.done();
        if (checkpoint != null) {
          checkpoint.save(connection, position);
        }
        connection.commit();
      } catch (SQLException e) {
        throw failed(e);
      }
      committedRows += pending;
      pending = 0;
      first = null;
      return;
    }
    try {
      Map<List<Object>, List<?>> upserts =
          settings.mode() == SinkSettings.Mode.UPSERT
              ? LinkedHashMap.newLinkedHashMap(buffer.size())
              : null;
      for (T item : buffer) {
        List<?> values = values(item);
        if (upserts != null) {
          List<Object> key = new ArrayList<>(keyIndexes.length);
          for (int k : keyIndexes) {
            key.add(values.get(k));
          }
          if (key.contains(null)) {
            // a null in a key matches no row, as in a unique index: each such row is inserted
            key.add(new Object());
          }
          upserts.remove(key);
          upserts.put(key, values);
        } else {
          bind(values);
        }
      }
      if (upserts != null) {
        // The last row of each key, as upserting row by row would leave it; also one row per key
        // in a rewritten multi-row INSERT … ON CONFLICT, which refuses to touch a row twice.
        for (List<?> values : upserts.values()) {
          bind(values);
        }
      }
      watch.watch(statement);
      try {
        statement.executeBatch();
      } finally {
        watch.done();
      }
      if (checkpoint != null) {
        checkpoint.save(connection, position);
      }
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      throw new JdbcException(describe() + " failed and was rolled back: " + message(e), e);
    }
    committedRows += buffer.size();
    buffer.clear();
    pending = 0;
    first = null;
  }

  private void bind(List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
    statement.addBatch();
  }

  private String describe() throws Exception {
    Map<String, Object> key = new LinkedHashMap<>();
    List<?> values = binder.values(first, settings.columns());
    for (String k : settings.key()) {
      key.put(k, values.get(settings.columns().indexOf(k)));
    }
    return "batch "
        + batches
        + " (rows "
        + (committedRows + 1)
        + " to "
        + (committedRows + pending)
        + ") into table '"
        + settings.table()
        + "', first key "
        + key
        + ",";
  }

  private static String message(SQLException e) {
    SQLException next = e.getNextException();
    return next == null ? e.getMessage() : next.getMessage();
  }

  private void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    buffer.clear();
    first = null;
    watch.close();
    try (connection;
        statement) {
      connection.setAutoCommit(true);
      if (copy != null) {
        copy.close();
      }
    }
  }
}
