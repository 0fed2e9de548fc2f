package dev.sluice.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.PoolSettings;
import dev.sluice.jdbc.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The database options of {@code export} and {@code import}: a JDBC URL, or the embedded default
 * (H2 in the file {@code WORK/sluice.mv.db}); credentials from the URL, {@code --user} and the
 * environment variable {@value #PASSWORD_ENV}; {@code --connect-timeout} and {@code --read-timeout}
 * bound the waits on the server ({@link PoolSettings}). {@link #redact} removes every password from
 * a message before it is printed ({@link Redaction}).
 */
final class DbOptions {
  /** The environment variable that holds the password. */
  static final String PASSWORD_ENV = "SLUICE_DB_PASSWORD";

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description = "database URL (default: the embedded H2 database in --work)")
  String url;

  @Option(names = "--user", paramLabel = "NAME", description = "database user")
  String user;

  @Option(
      names = "--connect-timeout",
      paramLabel = "SECONDS",
      description =
          "longest wait to connect and log in to --db before failing (default: ${DEFAULT-VALUE})")
  int connectTimeout = (int) PoolSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds();

  @Option(
      names = "--read-timeout",
      paramLabel = "SECONDS",
      description =
          "longest wait for any answer of a PostgreSQL --db once connected; 0 for none (default:"
              + " ${DEFAULT-VALUE})")
  int readTimeout;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "work folder of the embedded database (default: $SLUICE_WORK or ~/.sluice)")
  Path work;

  /** A pool on the database these options name; close it when done. */
  HikariDataSource open() throws Exception {
    if (url == null) {
      Path dir = work != null ? work : defaultWork();
      Files.createDirectories(dir);
      return Jdbc.embedded(dir.resolve("sluice"));
    }
    if (!url.startsWith("jdbc:")) {
      throw new UsageException("--db must be a JDBC URL (jdbc:…), was " + redact(url));
    }
    return Jdbc.pool(url, user, System.getenv(PASSWORD_ENV), poolSettings());
  }

  /** The pool settings of {@code --connect-timeout} and {@code --read-timeout}. */
  PoolSettings poolSettings() {
    if (connectTimeout < 1) {
      throw new UsageException("--connect-timeout must be >= 1 second, was " + connectTimeout);
    }
    if (readTimeout < 0) {
      throw new UsageException("--read-timeout must be >= 0 seconds, was " + readTimeout);
    }
    return PoolSettings.defaults()
        .withConnectTimeout(Duration.ofSeconds(connectTimeout))
        .withSocketTimeout(Duration.ofSeconds(readTimeout));
  }

  /** A short name of the database for messages, with no password. */
  String describe() {
    return url == null ? "the embedded database" : redact(url);
  }

  /** {@code message} with the password of the URL and of the environment replaced by ***. */
  String redact(String message) {
    return Redaction.of(url, System.getenv(PASSWORD_ENV)).redact(message);
  }

  private static Path defaultWork() {
    String env = System.getenv("SLUICE_WORK");
    return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".sluice");
  }
}
