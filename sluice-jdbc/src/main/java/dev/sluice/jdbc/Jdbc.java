package dev.sluice.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Page;
import dev.sluice.Pipe;
import dev.sluice.jdbc.internal.CursorRun;
import dev.sluice.jdbc.internal.KeysetPage;
import dev.sluice.jdbc.internal.TableDescriber;
import dev.sluice.jdbc.internal.TableRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * JDBC sources and sinks. Sources read a table described by a {@link TableQuery}; sinks write one
 * described by {@link SinkSettings}. Every source and sink borrows connections from a {@link
 * DataSource} (a pool, see {@link #pool} and {@link #embedded}) and returns them on every way out
 * of a run. Arguments are checked when a source or sink is built; names are checked against the
 * database when a run starts.
 *
 * <pre>{@code
 * try (HikariDataSource db = Jdbc.embedded(Path.of("data/shop"))) {
 *   long open = Jdbc.keyset(db, TableQuery.of("orders", "id").withWhere("status = ?", "open"))
 *       .rows()
 *       .count();
 * }
 * }</pre>
 */
public final class Jdbc {
  /** The default maximum size of the pools {@link #pool} and {@link #embedded} make. */
  public static final int DEFAULT_POOL_SIZE = 4;

  private Jdbc() {}

  /** A keyset source of rows as maps; see {@link KeysetSource}. */
  public static KeysetSource<Map<String, Object>> keyset(DataSource dataSource, TableQuery query) {
    return keyset(dataSource, query, RowMapper.toMap());
  }

  /** A keyset source of rows through {@code mapper}; see {@link KeysetSource}. */
  public static <T> KeysetSource<T> keyset(
      DataSource dataSource, TableQuery query, RowMapper<T> mapper) {
    checkKeyed(dataSource, query, mapper, "keyset");
    return new KeysetSource<>(dataSource, query, mapper);
  }

  /**
   * The rows in key order, page by page with {@code LIMIT pageSize OFFSET n}. The slow way, kept
   * for comparison: the database reads and skips every earlier row for each page, so a whole run
   * costs O(rows² / pageSize), and rows inserted or deleted during a run shift the pages (rows are
   * then skipped or repeated). Prefer {@link #keyset}.
   */
  public static <T> Pipe<T> offset(DataSource dataSource, TableQuery query, RowMapper<T> mapper) {
    checkKeyed(dataSource, query, mapper, "offset");
    int size = query.pageSize();
    return Pipe.using(
        () -> new TableRun<>(dataSource, query, mapper),
        run ->
            Pipe.paginate(
                0L,
                offset -> {
                  KeysetPage<T> page = run.offsetPage(offset);
                  return new Page<>(page.rows(), page.next() == null ? null : offset + size);
                }));
  }

  /**
   * The rows of one query, streamed {@link TableQuery#fetchSize} rows at a time on one connection
   * held for the whole run (in key order if the query has a key, else in the database's order). The
   * fastest source, but one long transaction: it holds a snapshot (and on PostgreSQL keeps old row
   * versions alive) until the run ends, and a failure cannot resume.
   */
  public static <T> Pipe<T> cursor(DataSource dataSource, TableQuery query, RowMapper<T> mapper) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(mapper, "mapper");
    return Pipe.generate(out -> CursorRun.run(dataSource, query, mapper, out));
  }

  /** A sink into a table; see {@link JdbcSink}. */
  public static <T> JdbcSink<T> sink(
      DataSource dataSource, SinkSettings settings, RowBinder<? super T> binder) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(binder, "binder");
    return new JdbcSink<>(dataSource, settings, binder);
  }

  /**
   * The metadata of {@code table} (matched exactly, else ignoring case, in the current schema):
   * columns, types, nullability, primary key and unique keys. Borrows one connection and returns
   * it; a missing table fails with a {@link JdbcException} naming it.
   */
  public static TableInfo describe(DataSource dataSource, String table) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(table, "table");
    try (Connection connection = dataSource.getConnection()) {
      return TableDescriber.describe(connection, table);
    } catch (SQLException e) {
      throw new JdbcException("cannot read the metadata of table '" + table + "': " + e, e);
    }
  }

  /**
   * A pool with {@link PoolSettings#defaults()}; see {@link #pool(String, String, String,
   * PoolSettings)}.
   */
  public static HikariDataSource pool(String url, String user, String password) {
    return pool(url, user, password, PoolSettings.defaults());
  }

  /**
   * A HikariCP pool on {@code url}; close it when done. It opens one connection before it returns
   * (so a wrong URL, password or an unreachable server fails here, within {@link
   * PoolSettings#connectTimeout}), and bounds every later borrow by the same timeout. It keeps that
   * connection and opens more, up to {@link PoolSettings#maxSize}, only while that many are
   * borrowed at once (a job on one thread costs the server one connection, not two or ten). For a
   * PostgreSQL URL it also sets the driver's {@code connectTimeout}, {@code loginTimeout}, {@code
   * socketTimeout} and {@code reWriteBatchedInserts=true} (batched inserts sent as multi-row
   * inserts); a parameter the URL itself sets wins.
   */
  public static HikariDataSource pool(
      String url, String user, String password, PoolSettings settings) {
    Objects.requireNonNull(settings, "settings");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Objects.requireNonNull(url, "url"));
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(settings.maxSize());
    config.setMinimumIdle(1); // the connection the pool opens to fail fast is kept
    config.setConnectionTimeout(settings.connectTimeout().toMillis());
    config.setValidationTimeout(settings.validationTimeout().toMillis());
    config.setPoolName("sluice-jdbc");
    if (url.startsWith("jdbc:postgresql:")) {
      String connect = String.valueOf(seconds(settings.connectTimeout()));
      config.addDataSourceProperty("connectTimeout", connect);
      config.addDataSourceProperty("loginTimeout", connect);
      config.addDataSourceProperty(
          "socketTimeout", String.valueOf(seconds(settings.socketTimeout())));
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    HikariDataSource pool = new HikariDataSource(config);
    // then none is kept idle beside those borrowed: with one, HikariCP's housekeeper (100 ms after
    // the start) opens a second connection while the first is borrowed, so a job on one thread
    // cost the server two and its close waited for the opening to end
    pool.setMinimumIdle(0);
    return pool;
  }

  private static long seconds(Duration duration) {
    long seconds = duration.toSeconds();
    return duration.toNanosPart() > 0 ? seconds + 1 : seconds;
  }

  /**
   * A pool on the embedded default database, H2 in the file {@code file} + {@code .mv.db} (created
   * if absent): no installation needed. Unquoted names are lower case as in PostgreSQL, every
   * commit is written before it returns, and the file lock is the operating system's, so a killed
   * process leaves no stale lock (docs/adr/0200-embedded-database.md).
   */
  public static HikariDataSource embedded(Path file) {
    return pool(embeddedUrl(file), "sa", "");
  }

  /** The JDBC URL {@link #embedded} uses for {@code file}. */
  public static String embeddedUrl(Path file) {
    return "jdbc:h2:file:"
        + file.toAbsolutePath()
        + ";FILE_LOCK=FS;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  private static void checkKeyed(
      DataSource dataSource, TableQuery query, RowMapper<?> mapper, String kind) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(mapper, "mapper");
    if (Objects.requireNonNull(query, "query").key().isEmpty()) {
      throw new IllegalArgumentException(
          "a " + kind + " source needs a key, was none for table '" + query.table() + "'");
    }
  }
}
