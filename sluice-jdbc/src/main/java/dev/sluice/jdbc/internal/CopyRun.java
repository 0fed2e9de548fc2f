package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.TableInfo;
import dev.sluice.jdbc.TableQuery;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * One run of a chunked PostgreSQL {@code COPY … TO STDOUT} export. Each chunk borrows a connection
 * and in one transaction (time zone UTC, so {@code timestamptz} prints with offset {@code +00})
 * first finds the chunk's last key with a bound query, {@code SELECT key … WHERE key > last ORDER
 * BY key OFFSET n - 1 LIMIT 1} (for the last, shorter chunk {@code ORDER BY key DESC LIMIT 1}),
 * then copies the rows {@code key > last AND NOT key > upper} in key order as CSV. {@code COPY}
 * cannot bind parameters, so the two bounds and the filter's parameters are written as {@link
 * SqlLiterals}. Confined to the run's thread; {@link #close()} joins the cancel watcher.
 *
 * <p>{@link #stream} of a table keyed by one integer column among the copied ones runs one {@code
 * COPY … ORDER BY key LIMIT n} per {@value #CHUNKS_PER_STATEMENT} chunks and ends each chunk of
 * {@code chunkRows} rows as its last row arrives (its key read from that row), while PostgreSQL
 * goes on sending the next: no statement, transaction or round trip stands between two chunks of
 * one statement. Each chunk gets the whole query timeout.
 */
public final class CopyRun implements AutoCloseable {
  /** One chunk: its CSV bytes, its row count and its last key (null when there was no row). */
  public record Chunk(byte[] csv, long rows, List<Object> last, boolean more) {}

  /**
   * How many chunks one {@code COPY} of {@link #stream} reads at most, for an integer key: one
   * statement's snapshot and transaction last that long, and no longer.
   */
  public static final int CHUNKS_PER_STATEMENT = 64;

  /** Takes each chunk of {@link #stream} once all its rows are written to its target's stream. */
  @FunctionalInterface
  public interface ChunkEnd {
    /** The chunk had {@code rows} rows, the last of them with the key values {@code last}. */
    void end(long rows, List<Object> last) throws java.io.IOException;
  }

  private final DataSource dataSource;
  private final TableQuery query;
  private final List<String> columns;
  private final List<String> select;
  private final String options;
  private final int chunkRows;
  private final CancelWatch watch;
  private TableRef table;
  private List<String> key;
  private String filter;
  private String boundFilter;
  private long chunkNumber;

  /** The place of an integer key among the copied fields, or -1: found by an upper query. */
  private int keyField = -1;

  /** Whether that key is a {@code BIGINT} (a {@code Long} in positions) or an {@code Integer}. */
  private boolean longKey;

  private final char separator;
  private final char quote;

  public CopyRun(DataSource dataSource, TableQuery query, List<String> columns, int chunkRows) {
    this(dataSource, query, columns, null, ',', '"', chunkRows);
  }

  /**
   * A run selecting the SQL expressions {@code select} (one per column of {@code columns}, in
   * order; null: the columns themselves), CSV with {@code separator} and {@code quote}.
   */
  public CopyRun(
      DataSource dataSource,
      TableQuery query,
      List<String> columns,
      List<String> select,
      char separator,
      char quote,
      int chunkRows) {
    this.options =
        separator == ',' && quote == '"'
            ? ""
            : ", DELIMITER "
                + SqlLiterals.of("" + separator)
                + ", QUOTE "
                + SqlLiterals.of("" + quote);
    this.separator = separator;
    this.quote = quote;
    this.dataSource = dataSource;
    this.query = query;
    this.columns = columns;
    this.select = select;
    this.chunkRows = chunkRows;
    this.watch = new CancelWatch(query.cancelCheck(), query.queryTimeout());
  }

  /** Opens the stream a chunk's bytes go to, once it is known that the chunk has rows. */
  @FunctionalInterface
  public interface Target {
    /** The stream of this chunk's CSV bytes; the caller of {@link #chunk} finishes it. */
    java.io.OutputStream open() throws java.io.IOException;
  }

  /** The chunk after the key values {@code after} (null: from the start), in memory. */
  public Chunk chunk(List<Object> after) throws SQLException {
    ByteArrayOutputStream csv = new ByteArrayOutputStream(64 * 1024);
    Chunk chunk;
    try {
      chunk = chunk(after, () -> csv);
    } catch (java.io.IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    }
    return new Chunk(csv.toByteArray(), chunk.rows(), chunk.last(), chunk.more());
  }

  /**
   * The chunk after the key values {@code after} (null: from the start), its bytes streamed to the
   * stream {@code target} opens (not opened for an empty chunk); the chunk returned holds no bytes.
   * An {@link java.io.IOException} of the stream is thrown as it is, the {@code COPY} cancelled.
   */
  public Chunk chunk(List<Object> after, Target target) throws SQLException, java.io.IOException {
    return segment(after, target, null);
  }

  /**
   * Every chunk after the key values {@code after} (null: from the start) in key order, each
   * streamed to the stream {@code target} opens once the chunk has a row and then handed to {@code
   * end}; returns the rows. An {@link java.io.IOException} of a stream or of {@code end} is thrown
   * as it is, the running {@code COPY} cancelled and the chunk not ended.
   */
  public long stream(List<Object> after, Target target, ChunkEnd end)
      throws SQLException, java.io.IOException {
    java.util.Objects.requireNonNull(end, "end");
    long rows = 0;
    List<Object> position = after;
    while (true) {
      Chunk segment = segment(position, target, end);
      rows += segment.rows();
      if (!segment.more()) {
        return rows;
      }
      position = segment.last();
    }
  }

  /**
   * One transaction of the run: with {@code end} null, the chunk after {@code after}; else up to
   * {@link #CHUNKS_PER_STATEMENT} chunks (one for a key that is not one integer), each handed to
   * {@code end}. The chunk returned counts all its rows and has the last key.
   */
  private Chunk segment(List<Object> after, Target target, ChunkEnd end)
      throws SQLException, java.io.IOException {
    chunkNumber++;
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isWrapperFor(PGConnection.class)) {
        throw new JdbcException(
            "COPY export of table '" + query.table() + "' needs PostgreSQL (pgjdbc)");
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        if (table == null) {
          resolve(connection);
        }
        try (Statement s = connection.createStatement()) {
          s.execute( // one round trip
              "SET LOCAL TIME ZONE 'UTC'; SET LOCAL DateStyle = 'ISO, YMD';"
                  + " SET LOCAL extra_float_digits = 1");
        }
        if (keyField >= 0) {
          return limited(connection, after, target, end);
        }
        Bound upper = upper(connection, after);
        if (upper == null) {
          return new Chunk(new byte[0], 0, null, false);
        }
        String sql =
            "COPY (SELECT "
                + (select == null ? table.quoteAll(columns) : String.join(", ", select))
                + " FROM "
                + table.sql()
                + where(filter, after, upper.key)
                + " ORDER BY "
                + table.quoteAll(key)
                + ") TO STDOUT WITH (FORMAT csv"
                + options
                + ")";
        PGConnection pg = connection.unwrap(PGConnection.class);
        watch.watch(pg::cancelQuery);
        long rows;
        try {
          rows = copyOut(pg, sql, target);
        } finally {
          watch.done();
        }
        connection.commit();
        if (end != null && rows > 0) {
          end.end(rows, upper.key);
        }
        return new Chunk(null, rows, upper.key, upper.full);
      } catch (java.io.IOException e) {
        try {
          connection.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        throw failure(e);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * The chunks of an integer key among the copied fields: {@code COPY (… WHERE key > after ORDER BY
   * key LIMIT n)}, with {@code n} one chunk's rows ({@code end} null) or {@link
   * #CHUNKS_PER_STATEMENT} chunks' (each handed to {@code end}), a chunk's last key read from its
   * last row (PostgreSQL sends each row of a {@code COPY … TO} in a message of its own), so no
   * query looks for it first. Commits.
   */
  private Chunk limited(Connection connection, List<Object> after, Target target, ChunkEnd end)
      throws SQLException, java.io.IOException {
    StringBuilder where = new StringBuilder(filter);
    if (after != null) {
      where
          .append(where.isEmpty() ? "" : " AND ")
          .append(table.quote(key.get(0)))
          .append(" > ")
          .append(SqlLiterals.of(after.get(0)));
    }
    long limit = end == null ? chunkRows : (long) chunkRows * CHUNKS_PER_STATEMENT;
    String sql =
        "COPY (SELECT "
            + (select == null ? table.quoteAll(columns) : String.join(", ", select))
            + " FROM "
            + table.sql()
            + (where.isEmpty() ? "" : " WHERE " + where)
            + " ORDER BY "
            + table.quote(key.get(0))
            + " LIMIT "
            + limit
            + ") TO STDOUT WITH (FORMAT csv"
            + options
            + ")";
    PGConnection pg = connection.unwrap(PGConnection.class);
    watch.watch(pg::cancelQuery);
    byte[][] last = {null};
    long[] open = {0}; // the rows of the chunk not yet ended
    long rows;
    try {
      rows = copyOut(pg, sql, target, end, last, open);
    } finally {
      watch.done();
    }
    connection.commit();
    if (rows == 0) {
      return new Chunk(null, 0, null, false);
    }
    List<Object> lastKey = keyOf(last[0]);
    if (open[0] > 0 && end != null) {
      end.end(open[0], lastKey);
    }
    return new Chunk(null, rows, lastKey, rows == limit);
  }

  /** The key values of a copied row, its integer key field as the key's Java type. */
  private List<Object> keyOf(byte[] row) {
    long value = integerField(row, keyField);
    return List.of(longKey ? (Object) value : (Object) Math.toIntExact(value));
  }

  /** The integer in field {@code index} of the CSV record {@code row} (PostgreSQL's quoting). */
  private long integerField(byte[] row, int index) {
    int field = 0;
    int i = 0;
    boolean inQuotes = false;
    while (field < index) {
      byte b = row[i++];
      if (b == quote) {
        inQuotes = !inQuotes;
      } else if (b == separator && !inQuotes) {
        field++;
      }
    }
    int end = i;
    while (end < row.length && row[end] != separator && row[end] != '\n' && row[end] != '\r') {
      end++;
    }
    return Long.parseLong(new String(row, i, end - i, java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * Runs {@code sql} and writes its rows to the stream of {@code target}; when the stream fails,
   * cancels the {@code COPY} and reads what it still sends (unwritten), so the connection is left
   * clean, and rethrows.
   */
  private long copyOut(PGConnection pg, String sql, Target target)
      throws SQLException, java.io.IOException {
    long rows = copyOut(pg, sql, target, null, null, null);
    if (rows == 0) {
      target.open(); // a chunk known to have rows has a stream, even if the rows vanished since
    }
    return rows;
  }

  /**
   * {@link #copyOut(PGConnection, String, Target)}, opening the target for the first row only;
   * keeping the last row in {@code last[0]} if {@code last} is not null. With {@code end} not null,
   * every {@code chunkRows} rows are a chunk: its stream is handed to {@code end} with its last
   * key, the next row opens the next, and {@code open[0]} counts the rows after the last chunk
   * ended.
   */
  private long copyOut(
      PGConnection pg, String sql, Target target, ChunkEnd end, byte[][] last, long[] open)
      throws SQLException, java.io.IOException {
    org.postgresql.copy.CopyOut copy = pg.getCopyAPI().copyOut(sql);
    java.io.OutputStream out = null;
    long inChunk = 0;
    boolean first = true;
    byte[] row;
    try {
      while ((row = copy.readFromCopy()) != null) {
        if (last != null) {
          last[0] = row;
        }
        if (out == null) {
          if (!first) {
            chunkNumber++; // the segment counted its first chunk
          }
          first = false;
          out = target.open();
        }
        out.write(row);
        if (++inChunk == chunkRows && end != null) {
          end.end(inChunk, keyOf(row));
          out = null;
          inChunk = 0;
          watch.watch(pg::cancelQuery); // the next chunk has the whole timeout
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      abandon(pg, copy, e);
      throw e;
    }
    if (open != null) {
      open[0] = inChunk;
    }
    return copy.getHandledRowCount();
  }

  /** Cancels a {@code COPY} whose rows can no longer go anywhere and reads the rest of it. */
  private static void abandon(
      PGConnection pg, org.postgresql.copy.CopyOut copy, Exception failure) {
    try {
      if (copy.isActive()) { // else it ended with the row that failed (and reading would throw)
        pg.cancelQuery();
        while (copy.readFromCopy() != null) {
          // unwritten: the cancel stops it soon
        }
      }
    } catch (SQLException cancelled) {
      if (!"57014".equals(cancelled.getSQLState())) {
        failure.addSuppressed(cancelled);
      }
    }
  }

  private void resolve(Connection connection) throws SQLException {
    TableRef ref = TableRef.resolve(connection, query.table());
    List<String> realKey = ref.columns(query.key());
    if (!ref.view()) {
      TableInfo info = TableDescriber.describe(connection, ref);
      try {
        info.requireKeysetKey(realKey);
      } catch (IllegalArgumentException e) {
        throw new JdbcException(e.getMessage(), e);
      }
      keyField = integerKeyField(ref, info, realKey, ref.columns(columns));
      longKey = keyField >= 0 && info.types().get(realKey.get(0)) == java.sql.Types.BIGINT;
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SHOW standard_conforming_strings")) {
      if (!rs.next() || !"on".equalsIgnoreCase(rs.getString(1))) {
        throw new JdbcException("COPY export needs standard_conforming_strings = on");
      }
    }
    String inlined =
        query.where().isBlank() ? "" : SqlLiterals.inline(query.where(), query.params());
    this.filter = inlined.isEmpty() ? "" : "(" + inlined + ")";
    this.boundFilter = query.where().isBlank() ? "" : "(" + query.where() + ")";
    this.key = realKey;
    this.table = ref;
    table.columns(columns);
  }

  /**
   * The place among {@code copied} of a one-column key of an integer type copied as it is, whose
   * text no separator or quote can be part of; else -1.
   */
  private int integerKeyField(
      TableRef ref, TableInfo info, List<String> realKey, List<String> copied) {
    if (realKey.size() != 1 || "0123456789-".indexOf(separator) >= 0) {
      return -1;
    }
    if ("0123456789-".indexOf(quote) >= 0) {
      return -1;
    }
    Integer type = info.types().get(realKey.get(0));
    if (type == null
        || (type != java.sql.Types.BIGINT
            && type != java.sql.Types.INTEGER
            && type != java.sql.Types.SMALLINT)) {
      return -1;
    }
    int at = copied.indexOf(realKey.get(0));
    if (at < 0 || (select != null && !select.get(at).equals(ref.quote(realKey.get(0))))) {
      return -1;
    }
    return at;
  }

  private record Bound(List<Object> key, boolean full) {}

  /** The last key of the chunk after {@code after} and whether the chunk is full; null if empty. */
  private Bound upper(Connection connection, List<Object> after) throws SQLException {
    String keys = table.quoteAll(key);
    String desc = String.join(", ", key.stream().map(k -> table.quote(k) + " DESC").toList());
    StringBuilder where = new StringBuilder(boundFilter);
    if (after != null) {
      where.append(where.isEmpty() ? "" : " AND ").append(greater(after.size(), null));
    }
    String select =
        "SELECT " + keys + " FROM " + table.sql() + (where.isEmpty() ? "" : " WHERE " + where);
    // The n-th key reads n index entries and nothing else; only the last chunk, with fewer rows,
    // needs the second query (the greatest key after the bound).
    List<Object> last =
        lastKey(
            connection,
            after,
            select + " ORDER BY " + keys + " OFFSET " + (chunkRows - 1) + " LIMIT 1");
    if (last != null) {
      return new Bound(last, true);
    }
    last = lastKey(connection, after, select + " ORDER BY " + desc + " LIMIT 1");
    return last == null ? null : new Bound(last, false);
  }

  private List<Object> lastKey(Connection connection, List<Object> after, String sql)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object param : query.params()) {
        statement.setObject(index++, param);
      }
      if (after != null) {
        for (Object value : greaterValues(after)) {
          statement.setObject(index++, value);
        }
      }
      watch.watch(statement);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        ResultSetMetaData meta = rs.getMetaData();
        List<Object> last = new ArrayList<>(key.size());
        for (int i = 1; i <= key.size(); i++) {
          Object value = ColumnValues.read(rs, meta, i);
          if (value == null) {
            throw new JdbcException(
                "key column '"
                    + key.get(i - 1)
                    + "' of table '"
                    + query.table()
                    + "' is NULL; keyset paging needs a NOT NULL unique key");
          }
          last.add(value);
        }
        return last;
      } finally {
        watch.done();
      }
    }
  }

  /** {@code WHERE filter AND key > after AND key0 <= upper0 AND NOT key > upper}, with literals. */
  private String where(String filter, List<Object> after, List<Object> upper) {
    List<String> terms = new ArrayList<>();
    if (!filter.isEmpty()) {
      terms.add(filter);
    }
    if (after != null) {
      terms.add(greater(after.size(), after));
    }
    // The leading column's range bounds the index scan; the NOT makes the bound exact.
    terms.add(table.quote(key.get(0)) + " <= " + SqlLiterals.of(upper.get(0)));
    terms.add("NOT " + greater(upper.size(), upper));
    return " WHERE " + String.join(" AND ", terms);
  }

  /**
   * The lexicographic {@code key > values} as in {@link TableSql}: with {@code ?} if {@code values}
   * is null, else with literals.
   */
  private String greater(int size, List<Object> values) {
    List<String> terms = new ArrayList<>();
    for (int term = 0; term < size; term++) {
      StringBuilder t = new StringBuilder("(");
      for (int i = 0; i < term; i++) {
        t.append(table.quote(key.get(i))).append(" = ").append(value(values, i)).append(" AND ");
      }
      terms.add(
          t.append(table.quote(key.get(term)))
              .append(" > ")
              .append(value(values, term))
              .append(')')
              .toString());
    }
    return "("
        + table.quote(key.get(0))
        + " >= "
        + value(values, 0)
        + " AND ("
        + String.join(" OR ", terms)
        + "))";
  }

  /** The bound values of {@link #greater} with placeholders, in order. */
  private static List<Object> greaterValues(List<Object> after) {
    List<Object> values = new ArrayList<>();
    values.add(after.get(0));
    for (int term = 0; term < after.size(); term++) {
      for (int i = 0; i <= term; i++) {
        values.add(after.get(i));
      }
    }
    return values;
  }

  private static String value(List<Object> values, int i) {
    return values == null ? "?" : SqlLiterals.of(values.get(i));
  }

  private RuntimeException failure(Exception e) {
    if (e instanceof JdbcException j) {
      return j;
    }
    String where = "chunk " + chunkNumber + " of table '" + query.table() + "'";
    if (watch.timedOut()) {
      return new JdbcException(
          "COPY of " + where + " ran longer than queryTimeout " + query.queryTimeout(), e);
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    return new JdbcException("COPY of " + where + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    watch.close();
  }
}
