package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.SinkSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * A sink's batches by PostgreSQL {@code COPY … FROM STDIN WITH (FORMAT csv)}, inside the batch's
 * transaction. An insert copies into the table; an upsert copies into a temporary stage table
 * ({@code ON COMMIT DELETE ROWS}, made once per run and dropped at its end) with each row's arrival
 * number (written by the client) and then runs {@code INSERT INTO t SELECT DISTINCT ON (key) …
 * ORDER BY key, arrival DESC ON CONFLICT (key) DO UPDATE … WHERE} the row changes (or, where it
 * does the same, a {@code MERGE} of those rows: {@link #merge()}), so the last row of a key in a
 * batch wins, as with row-by-row upserts, and a row that would not change is not written again.
 * Values are written as CSV fields: null as an empty unquoted field, text quoted when it must be
 * ({@code ""} is the empty string), numbers plain, binary as {@code \x} hex, temporal values in ISO
 * 8601, others by {@code toString}. Confined to the run's thread.
 */
final class CopyIn {
  private static final String STAGE = "pg_temp.sluice_stage";
  private final Connection connection;
  private final PGConnection pg;
  private final String copy;
  private final String merge;

  /**
   * The merge tried first, in a savepoint: {@code MERGE} of each key's last arrival where {@link
   * MergeFit} allows, else {@code ON CONFLICT} without sorting the stage (right when it holds each
   * key once). Null for {@code DO NOTHING}, where a key twice needs no order, and for an insert.
   */
  private final String plainMerge;

  private final byte[] out = new byte[1 << 16];
  private int used;
  private org.postgresql.copy.CopyIn running;

  /** The rows written so far: an upsert's arrival numbers (a sequence costs the server more). */
  private long arrivals;

  private CopyIn(Connection connection, String copy, String merge, String plainMerge)
      throws SQLException {
    this.connection = connection;
    this.pg = connection.unwrap(PGConnection.class);
    this.copy = copy;
    this.merge = merge;
    this.plainMerge = plainMerge;
  }

  /** Whether {@code connection} is pgjdbc's. */
  static boolean supports(Connection connection) throws SQLException {
    try {
      Class.forName("org.postgresql.PGConnection", false, CopyIn.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return false;
    }
    return connection.isWrapperFor(PGConnection.class);
  }

  /** Prepares the run's {@code COPY} (and stage table); commits if it made one. */
  static CopyIn open(
      Connection connection,
      TableRef table,
      List<String> columns,
      List<String> key,
      SinkSettings.Mode mode)
      throws SQLException {
    String names = table.quoteAll(columns);
    String options = ") FROM STDIN WITH (FORMAT csv)";
    if (mode == SinkSettings.Mode.INSERT) {
      return new CopyIn(connection, "COPY " + table.sql() + " (" + names + options, null, null);
    }
    List<String> updated = columns.stream().filter(c -> !key.contains(c)).toList();
    boolean viaMerge = !updated.isEmpty() && MergeFit.fits(connection, table, key);
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + STAGE);
      s.execute(
          "CREATE TEMPORARY TABLE sluice_stage ON COMMIT DELETE ROWS AS SELECT "
              + names
              + " FROM "
              + table.sql()
              + " WITH NO DATA");
      s.execute("ALTER TABLE " + STAGE + " ADD COLUMN sluice_arrival BIGINT");
    }
    connection.commit();
    String keys = table.quoteAll(key);
    List<String> set =
        updated.stream().map(c -> table.quote(c) + " = EXCLUDED." + table.quote(c)).toList();
    String conflict =
        " ON CONFLICT ("
            + keys
            + ") "
            + (set.isEmpty()
                ? "DO NOTHING"
                : "DO UPDATE SET " + String.join(", ", set) + unchanged(table, updated));
    String into = "INSERT INTO " + table.sql() + " AS sluice_target (" + names + ") SELECT ";
    String distinct = keys + nullKeyArrival(table, key);
    String lastArrivals =
        "SELECT DISTINCT ON ("
            + distinct
            + ") "
            + names
            + " FROM "
            + STAGE
            + " ORDER BY "
            + distinct
            + ", sluice_arrival DESC";
    String merge = into + lastArrivals.substring("SELECT ".length()) + conflict;
    String plain = null;
    if (!set.isEmpty()) {
      plain =
          viaMerge
              ? mergeStatement(table, columns, key, updated, lastArrivals)
              : into + names + " FROM " + STAGE + conflict;
    }
    return new CopyIn(
        connection, "COPY " + STAGE + " (" + names + ", sluice_arrival" + options, merge, plain);
  }

  /**
   * The stage table's last arrival of each key merged by PostgreSQL's {@code MERGE}: a join of
   * those rows with the table, where {@code INSERT … ON CONFLICT} tries each row's insert first. It
   * does what the sorted {@code ON CONFLICT} merge does to a table that {@link MergeFit} accepts,
   * and costs the server less: 5 to 7 % of an upsert's merging, 15 to 30 % in {@code psql}
   * (docs/adr/0207). The stage is sorted because a {@code MERGE} may meet a key's rows in any
   * order: a row that would not change does nothing, so a key twice need not fail, and the wrong
   * row of it could win. A row that another session inserted meanwhile makes it fail ({@code MERGE}
   * does not wait to update it as {@code ON CONFLICT} does); {@link #merge()} then goes back and
   * runs the {@code ON CONFLICT} merge.
   */
  private static String mergeStatement(
      TableRef table,
      List<String> columns,
      List<String> key,
      List<String> updated,
      String lastArrivals) {
    String on =
        String.join(
            " AND ",
            key.stream()
                .map(c -> "sluice_target." + table.quote(c) + " = sluice_row." + table.quote(c))
                .toList());
    String set =
        String.join(
            ", ",
            updated.stream().map(c -> table.quote(c) + " = sluice_row." + table.quote(c)).toList());
    String values =
        String.join(", ", columns.stream().map(c -> "sluice_row." + table.quote(c)).toList());
    return "MERGE INTO "
        + table.sql()
        + " AS sluice_target USING ("
        + lastArrivals
        + ") AS sluice_row ON "
        + on
        + " WHEN MATCHED AND "
        + changed(table, updated, "sluice_row")
        + " THEN UPDATE SET "
        + set
        + " WHEN NOT MATCHED THEN INSERT ("
        + table.quoteAll(columns)
        + ") VALUES ("
        + values
        + ")";
  }

  /**
   * For a key with a column that may be null, one more {@code DISTINCT ON} term that keeps every
   * row with a null in its key: {@code DISTINCT ON} takes nulls for equal, but a unique index does
   * not, and neither {@code ON CONFLICT} nor row-by-row upserts merge such rows, they insert each.
   */
  private static String nullKeyArrival(TableRef table, List<String> key) {
    List<String> nullable = key.stream().filter(table::nullable).toList();
    if (nullable.isEmpty()) {
      return "";
    }
    return ", CASE WHEN "
        + String.join(" OR ", nullable.stream().map(c -> table.quote(c) + " IS NULL").toList())
        + " THEN sluice_arrival END";
  }

  private static String row(String alias, TableRef table, List<String> columns) {
    return "ROW("
        + String.join(", ", columns.stream().map(c -> alias + "." + table.quote(c)).toList())
        + ")::record";
  }

  /**
   * Merges the stage table into the table, in the current transaction: first by the plain merge, in
   * a savepoint. That is {@code MERGE} of each key's last arrival where {@link MergeFit} allows, or
   * else {@code INSERT … ON CONFLICT} without sorting the stage (the usual batch holds each key
   * once). If it fails (PostgreSQL says a key came twice, SQLSTATE 21000, a row affected a second
   * time; a row that a later row of its key replaces breaks a constraint; another session inserted
   * a key meanwhile), back to the savepoint and merged by {@code INSERT … ON CONFLICT} so that the
   * last arrival of each key wins, whose error is the batch's. A plain merge that succeeds did what
   * that one does. A cancelled statement or a lost connection is not retried. Returns the rows
   * inserted or updated.
   */
  int merge() throws SQLException {
    try (Statement s = connection.createStatement()) {
      if (plainMerge == null) {
        return s.executeUpdate(merge);
      }
      s.execute("SAVEPOINT sluice_merge");
      try {
        int n = s.executeUpdate(plainMerge);
        s.execute("RELEASE SAVEPOINT sluice_merge");
        return n;
      } catch (SQLException e) {
        if (CancelWatch.stopped(e)) {
          throw e; // cancelled, shut down or disconnected: the batch is rolled back as it is
        }
        // anything else: the sorted ON CONFLICT merge is the reference, and an error the plain
        // one met in a row of a key that a later row replaces is no error of it
        s.execute("ROLLBACK TO SAVEPOINT sluice_merge");
        int n = s.executeUpdate(merge);
        s.execute("RELEASE SAVEPOINT sluice_merge");
        return n;
      }
    }
  }

  /**
   * The condition that leaves a row whose updated columns already hold the new values as they are:
   * compared by {@code *=}, PostgreSQL's binary-image equality (as {@code REFRESH MATERIALIZED VIEW
   * CONCURRENTLY} compares), so {@code 1.0} differs from {@code 1.00}, a NULL equals a NULL, and
   * any type compares, one with no equality operator ({@code json}) too. An unchanged row then
   * costs a read, not a new row version, index entries and WAL: re-importing a file that changed
   * little takes about half the time. Its {@code UPDATE} triggers do not fire.
   */
  private static String unchanged(TableRef table, List<String> updated) {
    return " WHERE " + changed(table, updated, "EXCLUDED");
  }

  /**
   * Whether the target row's {@code updated} columns differ from those of the row {@code proposed}
   * names, by binary image ({@code *=}: NULL equals NULL, {@code 1.0} is not {@code 1.00}).
   */
  private static String changed(TableRef table, List<String> updated, String proposed) {
    return "NOT ("
        + row("sluice_target", table, updated)
        + " OPERATOR(pg_catalog.*=) "
        + row(proposed, table, updated)
        + ")";
  }

  /** The stage table an upsert's {@code COPY} fills. */
  static String stage() {
    return STAGE;
  }

  /** The cancel of this connection's running {@code COPY} or merge, for a {@link CancelWatch}. */
  CancelWatch.Cancel cancel() {
    return pg::cancelQuery;
  }

  /** Starts a batch's {@code COPY}, in the current transaction. */
  void begin() throws SQLException {
    running = pg.getCopyAPI().copyIn(copy);
    used = 0;
  }

  /** Whether a batch's {@code COPY} is running. */
  boolean running() {
    return running != null;
  }

  /** Writes {@code values} as one CSV record of the running batch. */
  void row(List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        put((byte) ',');
      }
      Object value = values.get(i);
      if (value instanceof String text) { // the usual value of an import (text passed through)
        text(text);
        continue;
      }
      switch (value) {
        case null -> {}
        case Integer n -> ascii(n.toString());
        case Long n -> ascii(n.toString());
        case BigDecimal d -> ascii(d.toPlainString());
        case String text -> text(text);
        default -> quoted(text(value));
      }
    }
    if (merge != null) {
      put((byte) ',');
      ascii(Long.toString(++arrivals));
    }
    put((byte) '\n');
  }

  /** Ends the running batch's {@code COPY} (and merges an upsert's stage table). */
  void end() throws SQLException {
    org.postgresql.copy.CopyIn batch = running;
    running = null;
    if (used > 0) {
      batch.writeToCopy(out, 0, used);
      used = 0;
    }
    batch.endCopy();
    if (merge != null) {
      merge();
    }
  }

  /** Cancels the running batch's {@code COPY}, if any; the transaction is to be rolled back. */
  void cancelBatch() {
    org.postgresql.copy.CopyIn batch = running;
    running = null;
    used = 0;
    if (batch != null && batch.isActive()) {
      try {
        batch.cancelCopy();
      } catch (SQLException ignored) {
        // the rollback that follows reports a broken connection
      }
    }
  }

  /**
   * {@code text} as a CSV field: unquoted when it is ASCII, not empty, holds no comma, quote, CR or
   * LF and does not start with a backslash (so never {@code \.}), else quoted.
   */
  private void text(String text) throws SQLException {
    int n = text.length();
    if (used + 2 * n + 2 > out.length) {
      if (2 * n + 2 > out.length) {
        quoted(text);
        return;
      }
      running.writeToCopy(out, 0, used);
      used = 0;
    }
    byte[] o = out;
    int start = used;
    int u = start + 1; // after a quote that is kept only if needed
    boolean quote = n == 0 || text.charAt(0) == '\\';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        quoted(text);
        return;
      }
      if (c == '"') {
        o[u++] = '"';
        quote = true;
      } else if (c == ',' || c == '\n' || c == '\r') {
        quote = true;
      }
      o[u++] = (byte) c;
    }
    if (quote) {
      o[start] = '"';
      o[u++] = '"';
      used = u;
    } else {
      System.arraycopy(o, start + 1, o, start, u - start - 1);
      used = u - 1;
    }
  }

  private void quoted(String text) throws SQLException {
    put((byte) '"');
    int n = text.length();
    boolean ascii = true;
    for (int i = 0; i < n && ascii; i++) {
      ascii = text.charAt(i) < 0x80;
    }
    if (ascii) {
      for (int i = 0; i < n; i++) {
        byte b = (byte) text.charAt(i);
        if (b == '"') {
          put(b);
        }
        put(b);
      }
    } else {
      // a quote byte never occurs inside a multi-byte UTF-8 sequence
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        if (b == '"') {
          put(b);
        }
        put(b);
      }
    }
    put((byte) '"');
  }

  private void ascii(String text) throws SQLException {
    for (int i = 0, n = text.length(); i < n; i++) {
      put((byte) text.charAt(i));
    }
  }

  private void put(byte b) throws SQLException {
    if (used == out.length) {
      running.writeToCopy(out, 0, used);
      used = 0;
    }
    out[used++] = b;
  }

  /** Drops the stage table, if any; in auto-commit mode. */
  void close() throws SQLException {
    if (merge != null) {
      try (Statement s = connection.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + STAGE);
      }
    }
  }

  private static String text(Object value) {
    return switch (value) {
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      case byte[] b -> "\\x" + HexFormat.of().formatHex(b);
      default -> value.toString();
    };
  }
}
