package dev.sluice.examples;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.jdbc.Jdbc;
import java.net.URI;
import java.nio.file.Path;

/** {@link ApiToTable#copy} in a JVM of its own, for {@link ApiToTableCrashTest} to kill. */
final class ApiToTableChild {
  private ApiToTableChild() {}

  /** Arguments: the API's root URL and the embedded database's file. */
  public static void main(String[] args) {
    try (HikariDataSource db = Jdbc.embedded(Path.of(args[1]))) {
      System.out.println(
          "copied " + ApiToTable.copy(URI.create(args[0]), ApiToTable.ordersTable(db)));
    }
  }
}
