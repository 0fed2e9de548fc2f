package dev.sluice.jdbc;

import dev.sluice.Page;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.jdbc.internal.CopyRun;
import dev.sluice.jdbc.internal.KeyCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * PostgreSQL's {@code COPY}, the fastest way in and out, chunk by chunk so an export stays
 * resumable. Reading: {@link #chunks} copies {@code chunkRows} rows at a time, in key order, each
 * chunk as the CSV bytes PostgreSQL writes ({@code COPY (SELECT …) TO STDOUT WITH (FORMAT csv)}: no
 * header, NULL as an empty unquoted field, an empty string as {@code ""}, {@code timestamptz} in
 * UTC as {@code 2024-03-10 15:15:00+00}), positioned by the chunk's last key in the format of
 * {@link KeysetSource} (so a run resumed with {@link dev.sluice.Checkpoints#resume} continues after
 * the last chunk saved, and a keyset position works too). Writing: a {@link JdbcSink} on PostgreSQL
 * with {@link SinkSettings#copy} writes each batch with {@code COPY … FROM STDIN}.
 *
 * <p>The key must be a NOT NULL unique key ({@link TableInfo#requireKeysetKey}). Each chunk borrows
 * a connection and returns it before the chunk is emitted; a chunk is held in memory whole (about
 * {@code chunkRows} times the row size). {@code COPY} cannot bind parameters, so the bounds and the
 * filter's parameters are written into the SQL as literals (numbers as digits, everything else as
 * escaped string literals): {@code ?} in the filter outside quotes are its placeholders, and a
 * filter with comments or dollar quoting fails. Interrupting the run cancels the running {@code
 * COPY}. Needs pgjdbc on the class path; {@link #supports} tells.
 *
 * <pre>{@code
 * PgCopy.exportChunks(db, TableQuery.of("orders", "id"), List.of("id", "total"), 50_000,
 *     Optional.empty(), (csv, rows, position) -> { out.write(csv); save(position); });
 * }</pre>
 */
public final class PgCopy {
  /** The default {@code chunkRows}. */
  public static final int DEFAULT_CHUNK_ROWS = 50_000;

  private PgCopy() {}

  /** One chunk of an export: CSV bytes of {@code rows} rows. */
  public record Chunk(byte[] csv, long rows) {}

  /** Receives the chunks of {@link #exportChunks}, on the caller's thread, in order. */
  @FunctionalInterface
  public interface ChunkConsumer {
    /** One chunk: its CSV bytes, its rows, and the position after its last row. */
    void accept(byte[] csv, long rows, String position) throws Exception;
  }

  /**
   * Whether {@code dataSource} is PostgreSQL through pgjdbc, so {@code COPY} works. Borrows one
   * connection and returns it.
   */
  public static boolean supports(DataSource dataSource) {
    try (Connection c = Objects.requireNonNull(dataSource, "dataSource").getConnection()) {
      return pgjdbcPresent() && c.isWrapperFor(org.postgresql.PGConnection.class);
    } catch (SQLException e) {
      throw new JdbcException("cannot connect to check for PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * The rows of {@code query}'s table ({@code columns} of it, real or matched ignoring case, in
   * this order; the filter and key of {@code query} apply, its page size does not) as chunks of at
   * most {@code chunkRows} rows; a recipe, each run reads again. An empty table gives no chunk.
   */
  public static Resumable<Chunk> chunks(
      DataSource dataSource, TableQuery query, List<String> columns, int chunkRows) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(query, "query");
    List<String> cols = exportColumns(query, columns);
    if (chunkRows <= 0) {
      throw new IllegalArgumentException("chunkRows must be > 0, was " + chunkRows);
    }
    List<String> key = query.key();
    return position ->
        Pipe.using(
            () -> new CopyRun(dataSource, query, cols, chunkRows),
            run ->
                Pipe.paginate(
                    position.map(p -> KeyCodec.decode(p, key.size())).orElse(null),
                    after -> {
                      CopyRun.Chunk chunk = run.chunk(after);
                      if (chunk.rows() == 0) {
                        return new Page<List<Object>, Positioned<Chunk>>(List.of(), null);
                      }
                      Positioned<Chunk> item =
                          new Positioned<>(
                              new Chunk(chunk.csv(), chunk.rows()),
                              KeyCodec.encode(key, chunk.last()));
                      return new Page<>(List.of(item), chunk.more() ? chunk.last() : null);
                    }));
  }

  /**
   * Runs {@link #chunks} after {@code after} (from the start if empty) and hands each chunk to
   * {@code consumer} with the position after it; returns the rows copied. The consumer's failure
   * ends the run and is thrown (wrapped as the pipe wraps it).
   */
  public static long exportChunks(
      DataSource dataSource,
      TableQuery query,
      List<String> columns,
      int chunkRows,
      Optional<String> after,
      ChunkConsumer consumer) {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(consumer, "consumer");
    long[] rows = {0};
    chunks(dataSource, query, columns, chunkRows)
        .after(after)
        .forEach(
            p -> {
              consumer.accept(p.item().csv(), p.item().rows(), p.position());
              rows[0] += p.item().rows();
            });
    return rows[0];
  }

  static boolean pgjdbcPresent() {
    try {
      Class.forName("org.postgresql.PGConnection", false, PgCopy.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** {@code columns}, checked for a COPY export of {@code query}: some, and a key to page by. */
  static List<String> exportColumns(TableQuery query, List<String> columns) {
    List<String> cols = List.copyOf(Objects.requireNonNull(columns, "columns"));
    if (cols.isEmpty()) {
      throw new IllegalArgumentException(
          "columns must not be empty for table '" + query.table() + "'");
    }
    if (query.key().isEmpty()) {
      throw new IllegalArgumentException(
          "a COPY export needs a key, was none for table '" + query.table() + "'");
    }
    return cols;
  }
}
