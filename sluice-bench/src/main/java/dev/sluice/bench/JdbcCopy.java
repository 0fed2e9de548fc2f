package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Pipe;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.PgCopy;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.SinkSettings;
import dev.sluice.jdbc.TableQuery;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * COPY on PostgreSQL, end to end: a table of {@code rows} rows of 5 columns exported to CSV by
 * {@link PgCopy#exportChunks} (keyset-chunked {@code COPY TO STDOUT}), by the keyset source (rows
 * through JDBC, a CSV line each) and by {@code psql \copy}; and imported by the sink with {@code
 * COPY FROM STDIN}, by the sink with batched (rewritten multi-row) inserts, and by {@code psql
 * \copy FROM}. Each variant runs once per round, rounds interleave the variants, and the report
 * gives medians. Run by {@code bench/jdbc.sh}; arguments: {@code url user rows outputDir psql port
 * rounds}.
 */
public final class JdbcCopy {
  private static final String TABLE = "copy_rows";
  private static final List<String> COLUMNS = List.of("id", "name", "amount", "created", "flag");
  private static final String SELECT = "SELECT id, name, amount, created, flag FROM " + TABLE;
  private static final int CHUNK = PgCopy.DEFAULT_CHUNK_ROWS;
  private static final int BATCH = 10_000;

  private JdbcCopy() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    long rows = Long.parseLong(args[2]);
    Path out = Files.createDirectories(Path.of(args[3]));
    String psql = args[4];
    String port = args[5];
    int rounds = Integer.parseInt(args[6]);
    try (HikariDataSource db = Jdbc.pool(url, user, "")) {
      fill(db, rows);
      Map<String, Task> tasks = new LinkedHashMap<>();
      TableQuery query = TableQuery.of(TABLE, "id").withPageSize(CHUNK);
      tasks.put("export PgCopy chunks", () -> copyExport(db, query, out.resolve("chunks.csv")));
      tasks.put("export keyset rows  ", () -> keysetExport(db, query, out.resolve("keyset.csv")));
      tasks.put(
          "export psql \\copy   ",
          () ->
              psql(
                  psql,
                  port,
                  user,
                  "\\copy (" + SELECT + " ORDER BY id) TO '" + out.resolve("psql.csv") + "' CSV"));
      tasks.put("import sink COPY    ", () -> sinkImport(db, rows, true));
      tasks.put("import sink inserts ", () -> sinkImport(db, rows, false));
      tasks.put(
          "import psql \\copy   ",
          () -> {
            truncate(db);
            psql(
                psql,
                port,
                user,
                "\\copy copy_target (id, name, amount, created, flag) FROM '"
                    + out.resolve("psql.csv")
                    + "' CSV");
          });
      Map<String, List<Double>> times = new LinkedHashMap<>();
      tasks.keySet().forEach(k -> times.put(k, new ArrayList<>()));
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, Task> task : tasks.entrySet()) {
          times.get(task.getKey()).add(time(task.getValue()));
        }
      }
      if (Files.mismatch(out.resolve("chunks.csv"), out.resolve("psql.csv")) != -1) {
        throw new IllegalStateException("chunks.csv differs from psql.csv");
      }
      System.out.printf(
          "COPY: %d rows x 5 columns, chunk %d, sink batch %d, medians of %d interleaved rounds;"
              + " chunks.csv identical to psql's%n",
          rows, CHUNK, BATCH, rounds);
      for (Map.Entry<String, List<Double>> t : times.entrySet()) {
        List<Double> sorted = new ArrayList<>(t.getValue());
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        System.out.printf(
            "%s %8.3f s  %10.0f rows/s   runs %s%n",
            t.getKey(), median, rows / median, t.getValue());
      }
    }
  }

  private static void fill(HikariDataSource db, long rows) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("DROP TABLE IF EXISTS copy_target");
      s.execute(
          "CREATE TABLE "
              + TABLE
              + " (id BIGINT PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(12,2) NOT NULL,"
              + " created TIMESTAMPTZ NOT NULL, flag BOOLEAN)");
      s.execute("CREATE TABLE copy_target (LIKE " + TABLE + " INCLUDING ALL)");
      s.execute(
          "INSERT INTO "
              + TABLE
              + " SELECT g, 'name, \"' || g, (g % 100000) / 100.0,"
              + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 second',"
              + " CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END FROM generate_series(1, "
              + rows
              + ") g");
      s.execute("VACUUM ANALYZE " + TABLE);
    }
  }

  private static void copyExport(HikariDataSource db, TableQuery query, Path file)
      throws Exception {
    try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      PgCopy.exportChunks(db, query, COLUMNS, CHUNK, Optional.empty(), (csv, n, p) -> w.write(csv));
    }
  }

  private static void keysetExport(HikariDataSource db, TableQuery query, Path file)
      throws Exception {
    RowMapper<String> csv =
        r ->
            r.getString(1)
                + ",\""
                + r.getString(2).replace("\"", "\"\"")
                + "\","
                + r.getString(3)
                + ','
                + r.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                + ','
                + r.getString(5);
    try (var w = Files.newBufferedWriter(file)) {
      Jdbc.keyset(db, query, csv)
          .rows()
          .forEach(
              line -> {
                w.write(line);
                w.write('\n');
              });
    }
  }

  private static void sinkImport(HikariDataSource db, long rows, boolean copy) throws Exception {
    truncate(db);
    OffsetDateTime start = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    RowBinder<List<Object>> binder = (row, columns) -> row;
    Pipe.range(1, rows + 1)
        .map(
            g ->
                List.<Object>of(
                    g,
                    "name, \"" + g,
                    BigDecimal.valueOf(g % 100_000, 2),
                    start.plusSeconds(g),
                    g % 2 == 0))
        .into(
            Jdbc.sink(
                db,
                SinkSettings.insert("copy_target", COLUMNS, "id")
                    .withBatchSize(BATCH)
                    .withCopy(copy),
                binder));
  }

  private static void truncate(HikariDataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE copy_target");
    }
  }

  private static void psql(String psql, String port, String user, String command) throws Exception {
    Process p =
        new ProcessBuilder(
                psql,
                "-X",
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                port,
                "-U",
                user,
                "-d",
                "postgres",
                "-c",
                command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + command);
    }
  }

  private static double time(Task task) throws Exception {
    long start = System.nanoTime();
    task.run();
    return (System.nanoTime() - start) / 1e9;
  }

  @FunctionalInterface
  private interface Task {
    void run() throws Exception;
  }
}
