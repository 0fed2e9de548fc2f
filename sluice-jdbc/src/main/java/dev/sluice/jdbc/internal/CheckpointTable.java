package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SQL of a checkpoint table: create if absent, load, save (update, else insert; inside the
 * caller's transaction), clear. Portable SQL only, so any database with {@code CREATE TABLE IF NOT
 * EXISTS} can hold checkpoints.
 */
public final class CheckpointTable {
  /** The longest position a checkpoint table holds. */
  public static final int MAX_POSITION_LENGTH = 10_000;

  /** The longest job name. */
  public static final int MAX_JOB_LENGTH = 200;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private final String table;
  private final String job;

  public CheckpointTable(String table, String job) {
    if (table == null || !PLAIN.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "checkpoint table must be a plain identifier (letters, digits, _; at most 63), was '"
              + table
              + "'");
    }
    if (job == null || job.isEmpty() || job.length() > MAX_JOB_LENGTH) {
      throw new IllegalArgumentException(
          "job must have 1 to " + MAX_JOB_LENGTH + " characters, was '" + job + "'");
    }
    this.table = table;
    this.job = job;
  }

  public String job() {
    return job;
  }

  /** Creates the table if it is absent; commits if the connection is not in auto-commit. */
  public void ensure(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + quoted(s)
              + " (job VARCHAR("
              + MAX_JOB_LENGTH
              + ") PRIMARY KEY, position VARCHAR("
              + MAX_POSITION_LENGTH
              + ") NOT NULL, committed_at TIMESTAMP NOT NULL)");
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  public Optional<String> load(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        PreparedStatement select =
            connection.prepareStatement("SELECT position FROM " + quoted(s) + " WHERE job = ?")) {
      select.setString(1, job);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Saves {@code position} in the connection's current transaction. */
  public void save(Connection connection, String position) throws SQLException {
    if (position.length() > MAX_POSITION_LENGTH) {
      throw new JdbcException(
          "position of job '"
              + job
              + "' is longer than MAX_POSITION_LENGTH "
              + MAX_POSITION_LENGTH
              + ": "
              + position.length()
              + " characters");
    }
    try (Statement s = connection.createStatement();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE "
                    + quoted(s)
                    + " SET position = ?, committed_at = CURRENT_TIMESTAMP WHERE job = ?")) {
      update.setString(1, position);
      update.setString(2, job);
      if (update.executeUpdate() == 0) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO "
                    + quoted(s)
                    + " (job, position, committed_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
          insert.setString(1, job);
          insert.setString(2, position);
          insert.executeUpdate();
        }
      }
    }
  }

  public void clear(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + quoted(s) + " WHERE job = ?")) {
      delete.setString(1, job);
      delete.executeUpdate();
    }
  }

  private String quoted(Statement s) throws SQLException {
    return s.enquoteIdentifier(table, true);
  }

  @Override
  public String toString() {
    return "table=" + table + ", job=" + job;
  }
}
