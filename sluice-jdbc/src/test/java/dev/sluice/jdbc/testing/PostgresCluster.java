package dev.sluice.jdbc.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster on loopback: initdb into a temporary folder, postgres on a free
 * port, trust authentication for user {@value #USER}. PostgreSQL refuses to run as root, so when
 * the tests run as root the server runs as the {@code postgres} system user (via {@code setpriv})
 * and owns the folder. Stopped (fast shutdown) and deleted by {@link #close()}.
 */
public final class PostgresCluster implements AutoCloseable {
  public static final String USER = "sluice";
  private static final String RUN_AS = "postgres";
  private final Path dir;
  private final Process server;
  private final int port;

  private PostgresCluster(Path dir, Process server, int port) {
    this.dir = dir;
    this.server = server;
    this.port = port;
  }

  /** The folder of the server binaries, or null if there is none. */
  public static Path findBinaries() {
    String env = System.getenv("SLUICE_PG_BIN");
    List<Path> candidates = new ArrayList<>();
    if (env != null) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("/usr/lib/postgresql/15/bin"));
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
    } catch (IOException e) {
      // no Debian-style install
    }
    return candidates.stream()
        .filter(
            p ->
                Files.isExecutable(p.resolve("initdb"))
                    && Files.isExecutable(p.resolve("postgres")))
        .findFirst()
        .orElse(null);
  }

  /** Starts a cluster with the binaries in {@code bin}. */
  public static PostgresCluster start(Path bin) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "sluice-pg-");
    List<String> runAs = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName(RUN_AS));
      runAs.addAll(List.of("setpriv", "--reuid=" + RUN_AS, "--regid=" + RUN_AS, "--init-groups"));
    }
    Path data = dir.resolve("data");
    List<String> initdb = new ArrayList<>(runAs);
    initdb.addAll(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"));
    Process init =
        new ProcessBuilder(initdb)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("initdb.log").toFile())
            .start();
    if (!init.waitFor(120, TimeUnit.SECONDS) || init.exitValue() != 0) {
      init.destroyForcibly();
      throw new IllegalStateException(
          "initdb failed: " + Files.readString(dir.resolve("initdb.log")));
    }
    int port = freePort();
    List<String> postgres = new ArrayList<>(runAs);
    postgres.addAll(
        List.of(
            bin.resolve("postgres").toString(),
            "-D",
            data.toString(),
            "-p",
            Integer.toString(port),
            "-k",
            dir.toString(),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "max_connections=200"));
    Process server =
        new ProcessBuilder(postgres)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    PostgresCluster cluster = new PostgresCluster(dir, server, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
    cluster.awaitReady();
    return cluster;
  }

  /** A JDBC URL for {@code database} on this cluster. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The server's port. */
  public int port() {
    return port;
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
        if (c.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          close();
          throw new IllegalStateException("PostgreSQL did not start: " + log(), e);
        }
        Thread.sleep(50);
      }
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("server.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (server.isAlive()) {
        new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor();
        }
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
