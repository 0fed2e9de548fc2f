package dev.sluice.jdbc.internal;

import dev.sluice.io.CsvRecordBytes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A plain import's batches from the bytes of a CSV file's records straight into PostgreSQL's {@code
 * COPY … FROM STDIN (FORMAT csv, FORCE_NULL …)}, as far as every value is one that PostgreSQL reads
 * as the row path would send it: text of a column of a text-like type (one whose value the row path
 * keeps as the text it is) that is well-formed UTF-8, an empty field (NULL, as the row path reads
 * an empty CSV field), and for integer, decimal, date and timestamp columns a value that {@link
 * TextValues#passesThrough} takes as it is. Each record goes as its own bytes with an LF; each
 * batch is one transaction that also saves the position after its last record, as the row path's
 * batches do. At the first record that is not so, or a batch that PostgreSQL refuses, the running
 * batch is rolled back and the run ends unclean: the row path then goes on from the last commit and
 * does, or says, what it does with the rest. Confined to the run's thread.
 */
public final class CopyFileIn {
  /** What a run committed: its records, and whether that was all of them. */
  public record Done(long records, boolean clean) {}

  private static final int SLICE = 1 << 16;

  private final DataSource dataSource;
  private final TableRef table;
  private final List<String> columns;
  private final int[] types;
  private final CheckpointTable checkpoint;
  private final int batchSize;

  /** An upsert's key (real names), empty for a plain insert. */
  private final List<String> key;

  /** The arrival number of the last record written to an upsert's stage table. */
  private long arrivals;

  private final byte[] out = new byte[SLICE];
  private int used;

  private CopyFileIn(
      DataSource dataSource,
      TableRef table,
      List<String> columns,
      int[] types,
      CheckpointTable checkpoint,
      int batchSize,
      List<String> key) {
    this.dataSource = dataSource;
    this.table = table;
    this.columns = columns;
    this.types = types;
    this.checkpoint = checkpoint;
    this.batchSize = batchSize;
    this.key = key;
  }

  /**
   * The run into the real {@code columns} (the file's fields, in order) of table {@code name},
   * whose SQL types are {@code types}, batches of {@code batchSize} records checkpointed as {@code
   * job} in {@code checkpointTable}; null when a column's type is not one this path takes. With a
   * unique {@code key} (real names among the columns; empty: plain inserts), an upsert: each batch
   * copies into {@link CopyIn}'s stage table with the records' arrival numbers and merges it as
   * {@link CopyIn} does, so the last record of a key in a batch wins and an unchanged row is left
   * as it is.
   */
  public static CopyFileIn of(
      DataSource dataSource,
      String name,
      List<String> columns,
      int[] types,
      String checkpointTable,
      String job,
      int batchSize,
      List<String> key)
      throws SQLException {
    for (int type : types) {
      if (kind(type) == Kind.NONE) {
        return null;
      }
    }
    TableRef table;
    try (Connection c = dataSource.getConnection()) {
      if (!c.isWrapperFor(PGConnection.class)) {
        return null;
      }
      table = TableRef.resolve(c, name);
    }
    return new CopyFileIn(
        dataSource,
        table,
        columns,
        types.clone(),
        new CheckpointTable(checkpointTable, job),
        batchSize,
        List.copyOf(key));
  }

  private enum Kind {
    TEXT,
    TYPED,
    NONE
  }

  /** How this path takes a value of SQL type {@code type}. */
  private static Kind kind(int type) {
    return switch (type) {
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.NUMERIC,
          Types.DECIMAL,
          Types.DATE,
          Types.TIMESTAMP ->
          Kind.TYPED;
      case Types.REAL,
          Types.FLOAT,
          Types.DOUBLE,
          Types.BOOLEAN,
          Types.BIT,
          Types.TIME,
          Types.TIMESTAMP_WITH_TIMEZONE,
          Types.BINARY,
          Types.VARBINARY,
          Types.LONGVARBINARY,
          Types.BLOB ->
          Kind.NONE;
      default -> Kind.TEXT; // TextValues.parse keeps the text as it is
    };
  }

  /** Copies the records of {@code file}, calling {@code counted} with each batch committed. */
  public Done run(CsvRecordBytes file, LongConsumer counted) throws Exception {
    return run(file, null, counted);
  }

  /**
   * {@link #run(CsvRecordBytes, LongConsumer)} of the records after {@code after} (a checkpoint
   * that {@link CsvRecordBytes#startsAfter} takes; null: from the first), as a resume: the records
   * and counts are those after it.
   */
  public Done run(CsvRecordBytes file, String after, LongConsumer counted) throws Exception {
    String names = table.quoteAll(columns);
    boolean upsert = !key.isEmpty();
    byte separator = (byte) file.separator();
    String sql =
        "COPY "
            + (upsert ? CopyIn.stage() : table.sql())
            + " ("
            + names
            + (upsert ? ", sluice_arrival" : "")
            + ") FROM STDIN WITH (FORMAT csv, DELIMITER "
            + SqlLiterals.of(String.valueOf(file.separator()))
            + ", QUOTE "
            + SqlLiterals.of(String.valueOf(file.quote()))
            + ", FORCE_NULL ("
            + names
            + "))";
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      checkpoint.ensure(connection);
      connection.setAutoCommit(false);
      PGConnection pg = connection.unwrap(PGConnection.class);
      CopyIn stage =
          upsert
              ? CopyIn.open(
                  connection, table, columns, key, dev.sluice.jdbc.SinkSettings.Mode.UPSERT)
              : null;
      long[] committed = {0};
      long[] inBatch = {0};
      org.postgresql.copy.CopyIn[] copy = {null};
      try {
        CsvRecordBytes.Read read =
            file.read(
                after,
                (b, from, to, fields) -> {
                  if (!takes(b, from, to, fields)) {
                    return false;
                  }
                  if (copy[0] == null) {
                    copy[0] = pg.getCopyAPI().copyIn(sql);
                  }
                  put(copy[0], b, from, to, upsert ? separator : 0);
                  if (++inBatch[0] == batchSize) {
                    commit(connection, copy[0], stage, file, committed[0] + inBatch[0]);
                    copy[0] = null;
                    committed[0] += inBatch[0];
                    inBatch[0] = 0;
                    counted.accept(committed[0]);
                    if (Thread.currentThread().isInterrupted()) {
                      return false; // the row path sees the interrupt and says so
                    }
                  }
                  return true;
                });
        if (!read.clean()) {
          cancel(copy[0], connection);
          return new Done(committed[0], false);
        }
        if (copy[0] != null) {
          commit(connection, copy[0], stage, file, committed[0] + inBatch[0]);
          committed[0] += inBatch[0];
          counted.accept(committed[0]);
        }
        return new Done(committed[0], true);
      } catch (SQLException e) {
        // PostgreSQL refused the batch (a constraint, a value too long for its column): the row
        // path does it again and reports it in its words, with the line
        try {
          cancel(copy[0], connection);
        } catch (SQLException broken) {
          // the connection is gone; the row path takes another and says what it finds
        }
        return new Done(committed[0], false);
      } catch (Exception | Error e) {
        try {
          cancel(copy[0], connection);
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
        if (stage != null) {
          stage.close(); // drops the stage table, in auto-commit mode
        }
      }
    }
  }

  /** Whether every field of the record is a value this path sends as it is. */
  private boolean takes(byte[] b, int from, int to, CsvRecordBytes.Fields fields) {
    for (int i = 0; i < types.length; i++) {
      int start = fields.start(i);
      int end = fields.end(i);
      if (start == end) {
        continue; // NULL
      }
      if (kind(types[i]) == Kind.TEXT) {
        if (!fields.decodes(i)) {
          return false;
        }
      } else if (fields.doubled(i)
          || !TextValues.passesThrough(
              new String(b, start, end - start, StandardCharsets.ISO_8859_1), types[i])) {
        return false;
      }
    }
    // a line of \. inside a quoted field is data to COPY in CSV mode, as it is to the row path
    return true;
  }

  /**
   * The record {@code b[from..to)} and an LF; before the LF, if {@code separator} is not 0, the
   * separator and the record's arrival number (an upsert's stage table).
   */
  private void put(org.postgresql.copy.CopyIn copy, byte[] b, int from, int to, byte separator)
      throws SQLException {
    int length = to - from + 1 + (separator == 0 ? 0 : 21);
    if (used + length > out.length) {
      flush(copy);
      if (length > out.length) {
        copy.writeToCopy(b, from, to - from);
        from = to; // the rest through the buffer
        length = 1 + (separator == 0 ? 0 : 21);
      }
    }
    System.arraycopy(b, from, out, used, to - from);
    used += to - from;
    if (separator != 0) {
      out[used++] = separator;
      used = digits(++arrivals, used);
    }
    out[used++] = '\n';
  }

  /** Writes {@code n} (positive) in decimal at {@code at}; returns the position after it. */
  private int digits(long n, int at) {
    int start = at;
    do {
      out[at++] = (byte) ('0' + n % 10);
      n /= 10;
    } while (n > 0);
    for (int i = start, j = at - 1; i < j; i++, j--) {
      byte t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return at;
  }

  private void flush(org.postgresql.copy.CopyIn copy) throws SQLException {
    if (used > 0) {
      copy.writeToCopy(out, 0, used);
      used = 0;
    }
  }

  private void commit(
      Connection connection,
      org.postgresql.copy.CopyIn copy,
      CopyIn stage,
      CsvRecordBytes file,
      long records)
      throws SQLException {
    flush(copy);
    copy.endCopy();
    if (stage != null) {
      stage.merge();
    }
    checkpoint.save(connection, file.position(records));
    connection.commit();
  }

  private void cancel(org.postgresql.copy.CopyIn copy, Connection connection) throws SQLException {
    used = 0;
    if (copy != null && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException ignored) {
        // the rollback reports a broken connection
      }
    }
    connection.rollback();
  }
}
