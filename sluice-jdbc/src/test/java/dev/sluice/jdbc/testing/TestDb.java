package dev.sluice.jdbc.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.jdbc.Jdbc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh, empty database of one engine, with a pool on it; closing it closes the pool. */
public final class TestDb implements AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private final Engine engine;
  private final String url;
  private final String user;
  private final Path file;
  private HikariDataSource pool;

  private TestDb(Engine engine, String url, String user, Path file) {
    this.engine = engine;
    this.url = url;
    this.user = user;
    this.file = file;
  }

  /** A new empty database. */
  public static TestDb create(Engine engine) throws Exception {
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
    return switch (engine) {
      case H2 -> {
        Path dir = Files.createDirectories(Path.of("target", "h2"));
        Path file = dir.resolve(name);
        yield new TestDb(engine, Jdbc.embeddedUrl(file), "sa", file);
      }
      case POSTGRES -> {
        PostgresCluster cluster = PostgresExtension.cluster();
        try (Connection c =
                DriverManager.getConnection(cluster.url("postgres"), PostgresCluster.USER, "");
            Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + name);
        }
        yield new TestDb(engine, cluster.url(name), PostgresCluster.USER, null);
      }
    };
  }

  public Engine engine() {
    return engine;
  }

  /** The JDBC URL (user {@link #user()}, empty password). */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  /** The pool, opened on first use. */
  public synchronized HikariDataSource dataSource() {
    if (pool == null) {
      pool = Jdbc.pool(url, user, "");
    }
    return pool;
  }

  /** Closes the pool (so another process may open an H2 file); {@link #dataSource} reopens it. */
  public synchronized void closePool() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }

  /** Runs each statement. */
  public void execute(String... sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  /** The rows of a query, each as a list of its values. */
  public List<List<Object>> query(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** Closes the pool and deletes an H2 database file (PostgreSQL's go with the cluster). */
  @Override
  public void close() throws IOException {
    closePool();
    if (file != null) {
      Files.deleteIfExists(Path.of(file + ".mv.db"));
    }
  }

  @Override
  public String toString() {
    return engine + " " + url;
  }
}
