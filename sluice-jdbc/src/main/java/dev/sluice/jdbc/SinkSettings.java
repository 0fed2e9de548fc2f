package dev.sluice.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how a {@link JdbcSink} writes: an immutable settings record, built with {@link #insert}
 * or {@link #upsert} and the {@code with…} methods; {@code toString} lists every value. Names are
 * checked against the database's metadata when a run starts, and quoted.
 *
 * @param table the target table
 * @param columns the columns written, in the order a {@link RowBinder} gives their values
 * @param key the columns of the unique key: the conflict target of an upsert, and what an error
 *     quotes of a failing batch's first row
 * @param mode plain insert, or insert-or-update by key
 * @param batchSize rows per batch, and per transaction ({@value #DEFAULT_BATCH_SIZE})
 * @param checkpointTable the table that holds the checkpoints of a {@linkplain
 *     JdbcSink#checkpointed checkpointed} sink ({@value #DEFAULT_CHECKPOINT_TABLE}); created if
 *     absent
 * @param cancelCheck how often a running batch looks whether its run was interrupted
 * @param copy whether, on PostgreSQL (pgjdbc), each batch is written with {@code COPY … FROM STDIN}
 *     (an upsert through a temporary stage table and {@code MERGE} or {@code INSERT … ON CONFLICT},
 *     docs/adr/0207); the default. Other databases, and PostgreSQL without it, get batched inserts
 *     ({@link Jdbc#pool} sets pgjdbc's {@code reWriteBatchedInserts}, so they are multi-row
 *     inserts)
 */
public record SinkSettings(
    String table,
    List<String> columns,
    List<String> key,
    Mode mode,
    int batchSize,
    String checkpointTable,
    Duration cancelCheck,
    boolean copy) {
  /** The default {@link #batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  /** The default {@link #checkpointTable}. */
  public static final String DEFAULT_CHECKPOINT_TABLE = "sluice_checkpoint";

  /** How rows are written. */
  public enum Mode {
    /** {@code INSERT}: a row whose key exists fails its batch. */
    INSERT,
    /**
     * Insert, or update the row with the same key: {@code INSERT … ON CONFLICT … DO UPDATE} (or a
     * {@code MERGE} that does the same) on PostgreSQL, {@code MERGE … KEY} on H2. The last row of a
     * key in a batch wins; a row with a null in its key matches none and is inserted. Makes a sink
     * idempotent.
     */
    UPSERT
  }

  /** Checks every value; the lists are copied. */
  public SinkSettings {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    key = List.copyOf(Objects.requireNonNull(key, "key"));
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(checkpointTable, "checkpointTable");
    Objects.requireNonNull(cancelCheck, "cancelCheck");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns must not be empty for table '" + table + "'");
    }
    if (!columns.containsAll(key)) {
      throw new IllegalArgumentException("key " + key + " must be among columns " + columns);
    }
    if (mode == Mode.UPSERT && key.isEmpty()) {
      throw new IllegalArgumentException("an upsert needs a key, was none for '" + table + "'");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0, was " + batchSize);
    }
    if (cancelCheck.isNegative() || cancelCheck.isZero()) {
      throw new IllegalArgumentException("cancelCheck must be > 0, was " + cancelCheck);
    }
  }

  /** Plain inserts into {@code columns} of {@code table}; {@code key} names rows in errors. */
  public static SinkSettings insert(String table, List<String> columns, String... key) {
    return new SinkSettings(
        table,
        columns,
        List.of(key),
        Mode.INSERT,
        DEFAULT_BATCH_SIZE,
        DEFAULT_CHECKPOINT_TABLE,
        TableQuery.DEFAULT_CANCEL_CHECK,
        true);
  }

  /** Upserts into {@code columns} of {@code table} by {@code key}. */
  public static SinkSettings upsert(String table, List<String> columns, String... key) {
    return new SinkSettings(
        table,
        columns,
        List.of(key),
        Mode.UPSERT,
        DEFAULT_BATCH_SIZE,
        DEFAULT_CHECKPOINT_TABLE,
        TableQuery.DEFAULT_CANCEL_CHECK,
        true);
  }

  /** These settings with another {@link #batchSize}. */
  public SinkSettings withBatchSize(int batchSize) {
    return new SinkSettings(
        table, columns, key, mode, batchSize, checkpointTable, cancelCheck, copy);
  }

  /** These settings with {@link #copy} on or off. */
  public SinkSettings withCopy(boolean copy) {
    return new SinkSettings(
        table, columns, key, mode, batchSize, checkpointTable, cancelCheck, copy);
  }

  /** These settings with another {@link #checkpointTable}. */
  public SinkSettings withCheckpointTable(String checkpointTable) {
    return new SinkSettings(
        table, columns, key, mode, batchSize, checkpointTable, cancelCheck, copy);
  }
}
