package dev.sluice.jdbc;

import dev.sluice.Checkpoint;
import dev.sluice.jdbc.internal.CheckpointTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A job's checkpoint kept in a table of the target database, one row per job: {@code (job
 * VARCHAR(200) PRIMARY KEY, position VARCHAR(10000), committed_at TIMESTAMP)}, created if absent. A
 * {@link CheckpointedSink} updates the row in each batch's transaction. Thread-safe; each call
 * borrows a connection and returns it.
 */
public final class JdbcCheckpoint implements Checkpoint {
  private final DataSource dataSource;
  private final CheckpointTable table;

  /**
   * The checkpoint of {@code job} in {@code table} (a plain identifier: letters, digits and
   * underscores, at most 63) of the database behind {@code dataSource}.
   */
  public JdbcCheckpoint(DataSource dataSource, String table, String job) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.table = new CheckpointTable(table, job);
  }

  @Override
  public Optional<String> load() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      table.ensure(connection);
      return table.load(connection);
    }
  }

  /** Forgets the job's position, so its next run starts from the beginning. */
  public void clear() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      table.ensure(connection);
      table.clear(connection);
    }
  }

  /** The job's name. */
  public String job() {
    return table.job();
  }

  CheckpointTable table() {
    return table;
  }

  @Override
  public String toString() {
    return "JdbcCheckpoint[" + table + "]";
  }
}
