package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.SinkSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The statement a sink runs for each row: {@code INSERT}, or the database's upsert: {@code INSERT …
 * ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c} on PostgreSQL, {@code MERGE INTO … KEY (key)} on
 * H2. Names come from {@link TableRef}, so they are checked and quoted.
 */
final class WriteSql {
  private WriteSql() {}

  static String of(
      Connection connection,
      TableRef table,
      List<String> columns,
      List<String> key,
      SinkSettings.Mode mode)
      throws SQLException {
    String names = table.quoteAll(columns);
    String values = String.join(", ", Collections.nCopies(columns.size(), "?"));
    if (mode == SinkSettings.Mode.INSERT) {
      return "INSERT INTO " + table.sql() + " (" + names + ") VALUES (" + values + ")";
    }
    String product = connection.getMetaData().getDatabaseProductName();
    switch (product) {
      case "PostgreSQL" -> {
        List<String> set =
            columns.stream()
                .filter(c -> !key.contains(c))
                .map(c -> table.quote(c) + " = EXCLUDED." + table.quote(c))
                .toList();
        return "INSERT INTO "
            + table.sql()
            + " ("
            + names
            + ") VALUES ("
            + values
            + ") ON CONFLICT ("
            + table.quoteAll(key)
            + ") "
            + (set.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + String.join(", ", set));
      }
      case "H2" -> {
        return "MERGE INTO "
            + table.sql()
            + " ("
            + names
            + ") KEY ("
            + table.quoteAll(key)
            + ") VALUES ("
            + values
            + ")";
      }
      default ->
          throw new JdbcException(
              "upsert into table '"
                  + table.name()
                  + "' is implemented for PostgreSQL and H2, not "
                  + product);
    }
  }
}
