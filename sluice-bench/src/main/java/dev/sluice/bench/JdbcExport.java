package dev.sluice.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Pipe;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * End-to-end benchmark of the JDBC sources on PostgreSQL: a table of {@code rows} rows exported to
 * CSV by keyset, by offset, and by {@code COPY (SELECT …) TO STDOUT WITH CSV} (the practical
 * limit), then the time of one page at the start versus the end of the table. Run by {@code
 * bench/jdbc.sh}; arguments: {@code url user rows outputDir}.
 */
public final class JdbcExport {
  private static final String TABLE = "bench_rows";
  private static final String SELECT = "SELECT id, name, amount, created FROM " + TABLE;
  private static final int EXPORT_PAGE = 10_000;
  private static final int PROBE_PAGE = 1_000;
  private static final int PROBES = 21;
  private static final RowMapper<String> CSV =
      r ->
          r.getString(1)
              + ','
              + quote(r.getString(2))
              + ','
              + r.getString(3)
              + ','
              + r.getString(4);

  private JdbcExport() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long rows = Long.parseLong(args[2]);
    Path out = Files.createDirectories(Path.of(args[3]));
    try (HikariDataSource db = Jdbc.pool(url, args[1], "")) {
      fill(db, rows);
      TableQuery query = TableQuery.of(TABLE, "id").withPageSize(EXPORT_PAGE);
      double copy = best(3, () -> copy(db, out.resolve("copy.csv")));
      double keyset =
          best(3, () -> write(Jdbc.keyset(db, query, CSV).rows(), out.resolve("keyset.csv")));
      double cursor =
          best(
              3,
              () ->
                  write(
                      Jdbc.cursor(db, query.withFetchSize(EXPORT_PAGE), CSV),
                      out.resolve("cursor.csv")));
      double offset = best(1, () -> write(Jdbc.offset(db, query, CSV), out.resolve("offset.csv")));
      for (String name : List.of("keyset.csv", "cursor.csv", "offset.csv")) {
        if (Files.mismatch(out.resolve("copy.csv"), out.resolve(name)) != -1) {
          throw new IllegalStateException(name + " differs from copy.csv");
        }
      }
      System.out.printf("rows %d, export page %d rows, CSV files identical%n", rows, EXPORT_PAGE);
      System.out.printf("export COPY   %8.3f s  %10.0f rows/s%n", copy, rows / copy);
      System.out.printf(
          "export keyset %8.3f s  %10.0f rows/s  keyset/COPY throughput %.2f%n",
          keyset, rows / keyset, copy / keyset);
      System.out.printf(
          "export cursor %8.3f s  %10.0f rows/s  cursor/COPY throughput %.2f%n",
          cursor, rows / cursor, copy / cursor);
      System.out.printf(
          "export offset %8.3f s  %10.0f rows/s  offset/COPY throughput %.2f%n",
          offset, rows / offset, copy / offset);
      TableQuery probe = query.withPageSize(PROBE_PAGE);
      // The same statement at both ends: the page after the key before the first row, and the
      // page after the key 1000 rows before the end. Probes alternate so background noise hits
      // both alike.
      double[] keysetPages =
          medians(
              () -> keysetPage(db, probe, "l:0"),
              () -> keysetPage(db, probe, "l:" + (rows - PROBE_PAGE)));
      double[] offsets = medians(() -> offsetPage(db, 0), () -> offsetPage(db, rows - PROBE_PAGE));
      double kFirst = keysetPages[0];
      double kLast = keysetPages[1];
      double oFirst = offsets[0];
      double oLast = offsets[1];
      System.out.printf(
          "page of %d: keyset first %.2f ms, last %.2f ms, last/first %.2f%n",
          PROBE_PAGE, kFirst * 1e3, kLast * 1e3, kLast / kFirst);
      System.out.printf(
          "page of %d: offset first %.2f ms, last %.2f ms, last/first %.2f%n",
          PROBE_PAGE, oFirst * 1e3, oLast * 1e3, oLast / oFirst);
    }
  }

  private static void fill(HikariDataSource db, long rows) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute(
          "CREATE TABLE "
              + TABLE
              + " (id BIGINT PRIMARY KEY, name TEXT NOT NULL,"
              + " amount NUMERIC(12,2) NOT NULL, created TIMESTAMP NOT NULL)");
      s.execute(
          "INSERT INTO "
              + TABLE
              + " SELECT g, 'name, \"' || g, (g % 100000) / 100.0,"
              + " TIMESTAMP '2024-01-01' + g * INTERVAL '1 second' FROM generate_series(1, "
              + rows
              + ") g");
      s.execute("VACUUM ANALYZE " + TABLE);
    }
  }

  private static void copy(HikariDataSource db, Path file) throws Exception {
    try (Connection c = db.getConnection();
        Writer w = Files.newBufferedWriter(file)) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut("COPY (" + SELECT + " ORDER BY id) TO STDOUT WITH CSV", w);
    }
  }

  private static void write(Pipe<String> lines, Path file) throws IOException {
    try (BufferedWriter w =
        Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
      lines.forEach(
          line -> {
            w.write(line);
            w.write('\n');
          });
    }
  }

  private static long offsetPage(HikariDataSource db, long offset) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(SELECT + " ORDER BY id LIMIT " + PROBE_PAGE + " OFFSET " + offset);
        ResultSet rs = s.executeQuery()) {
      long n = 0;
      while (rs.next()) {
        n += CSV.map(rs).length() > 0 ? 1 : 0;
      }
      return n;
    }
  }

  private static String quote(String field) {
    boolean plain =
        field.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
    return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
  }

  private static double best(int runs, Task task) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      best = Math.min(best, time(task));
    }
    return best;
  }

  /** The median times of {@code a} and {@code b} over {@link #PROBES} alternating runs. */
  private static double[] medians(Task a, Task b) throws Exception {
    List<Double> as = new ArrayList<>();
    List<Double> bs = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      as.add(time(a));
      bs.add(time(b));
    }
    Collections.sort(as);
    Collections.sort(bs);
    return new double[] {as.get(PROBES / 2), bs.get(PROBES / 2)};
  }

  private static long keysetPage(HikariDataSource db, TableQuery probe, String after) {
    return Jdbc.keyset(db, probe, CSV).after(Optional.of(after)).take(PROBE_PAGE).count();
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
