package dev.sluice.examples;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Pipe;
import dev.sluice.Progress;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import dev.sluice.io.RowRules;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.SinkSettings;
import dev.sluice.jdbc.TableInfo;
import dev.sluice.jdbc.TableQuery;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The database part of {@code sluice demo}: seeds users ({@link SampleUsers}) and their orders (0
 * to 4 per user, keyed by {@code (user_id, order_no)}) into a fresh embedded database in a work
 * folder in batched transactions, then exports both tables by keyset pages to JSON Lines, the
 * users' e-mails masked, each step reporting its progress.
 */
public final class DemoDatabase {
  private static final int BATCH = 2000;
  private static final String[] ORDER_STATUS = {"paid", "paid", "shipped", "refunded", "open"};
  private final Path dir;
  private final PrintStream err;
  private final Function<String, Consumer<Progress>> progress;
  private final Duration interval;

  /**
   * What the database part did.
   *
   * @param users the users seeded
   * @param orders the orders seeded
   * @param exported the rows of both tables exported
   * @param seconds the time it all took
   * @param usersFile the users' JSON Lines file
   */
  public record Result(long users, long orders, long exported, double seconds, Path usersFile) {}

  /**
   * The demo's database in {@code dir}, logging its steps to {@code err}; {@code progress} gives
   * the listener of each step's progress (by its name), called every {@code interval}.
   */
  public DemoDatabase(
      Path dir, PrintStream err, Function<String, Consumer<Progress>> progress, Duration interval) {
    this.dir = dir;
    this.err = err;
    this.progress = progress;
    this.interval = interval;
  }

  /** Seeds {@code users} users and their orders, exports both tables and says what it did. */
  public Result run(long users) throws Exception {
    long start = System.nanoTime();
    Path file = dir.resolve("demo-db");
    Files.deleteIfExists(Path.of(file + ".mv.db"));
    try (HikariDataSource db = Jdbc.embedded(file)) {
      createTables(db);
      err.printf("sluice demo: seeding %,d users and their orders into %s.mv.db%n", users, file);
      long orders = seed(db, users);
      err.printf(
          "sluice demo: seeded %,d orders in %.1f s; exporting both tables by keyset pages%n",
          orders, (System.nanoTime() - start) / 1e9);
      Path usersOut = dir.resolve("users-db.jsonl");
      long exported = export(db, "users", usersOut, RowRules.none().mask("email"));
      exported += export(db, "orders", dir.resolve("orders-db.jsonl"), RowRules.none());
      return new Result(users, orders, exported, (System.nanoTime() - start) / 1e9, usersOut);
    }
  }

  private static void createTables(HikariDataSource db) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE users (id BIGINT PRIMARY KEY, first_name VARCHAR(40), last_name"
              + " VARCHAR(40), email VARCHAR(100), city VARCHAR(40), company VARCHAR(40), status"
              + " VARCHAR(12), signup_date DATE, note VARCHAR(200))");
      s.execute(
          "CREATE TABLE orders (user_id BIGINT NOT NULL, order_no INT NOT NULL, amount"
              + " NUMERIC(10,2) NOT NULL, status VARCHAR(12), ordered_at TIMESTAMP,"
              + " PRIMARY KEY (user_id, order_no))");
    }
  }

  private long seed(HikariDataSource db, long users) {
    RowBinder<List<String>> user =
        (row, columns) ->
            List.of(
                Long.parseLong(row.get(0)),
                row.get(1),
                row.get(2),
                row.get(3),
                row.get(4),
                row.get(5),
                row.get(6),
                LocalDate.parse(row.get(7)),
                row.get(8));
    SampleUsers.rows(users, 42)
        .onProgress(progress.apply("demo seed users"), interval)
        .into(
            Jdbc.sink(
                db,
                SinkSettings.insert("users", SampleUsers.HEADER, "id").withBatchSize(BATCH),
                user));
    List<String> columns = List.of("user_id", "order_no", "amount", "status", "ordered_at");
    RowBinder<List<Object>> order = (row, names) -> row;
    return Pipe.range(1, users + 1)
        .flatMap(DemoDatabase::orders)
        .onProgress(progress.apply("demo seed orders"), interval)
        .into(
            Jdbc.sink(
                db,
                SinkSettings.insert("orders", columns, "user_id", "order_no").withBatchSize(BATCH),
                order));
  }

  private static Pipe<List<Object>> orders(long user) {
    SplittableRandom r = new SplittableRandom(user * 0x9E3779B97F4A7C15L);
    int n = r.nextInt(5);
    return Pipe.range(1, n + 1)
        .map(
            i ->
                List.<Object>of(
                    user,
                    i.intValue(),
                    BigDecimal.valueOf(r.nextInt(1, 100_000), 2),
                    ORDER_STATUS[r.nextInt(ORDER_STATUS.length)],
                    LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(r.nextInt(500_000))));
  }

  private long export(HikariDataSource db, String table, Path out, RowRules rules)
      throws Exception {
    TableInfo info = Jdbc.describe(db, table);
    TableQuery query =
        TableQuery.of(info.name(), info.primaryKey().toArray(String[]::new)).withPageSize(BATCH);
    long rows =
        Jdbc.keyset(db, query, RowMapper.toRow())
            .rows()
            .via(rules.stage(info.name()))
            .onProgress(progress.apply("demo export " + table), interval)
            .into(JsonLines.rowSink(Output.file(out)));
    err.printf(
        Locale.ROOT,
        "sluice demo: exported %,d %s to %s (%.1f MB)%n",
        rows,
        table,
        out,
        Files.size(out) / 1048576.0);
    return rows;
  }
}
