package dev.sluice.blackbox;

import dev.sluice.Pipe;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.Input;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.TableQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What a user's code does with Sluice, through the exported packages only. */
public final class Jobs {
  private Jobs() {}

  /** The sum of the even squares of 1..n, through map, filter and reduce. */
  public static long evenSquares(int n) {
    return Pipe.range(1, n + 1).map(x -> x * x).filter(x -> x % 2 == 0).reduce(0L, Long::sum);
  }

  /** The values of column {@code column} of the CSV file, in order. */
  public static List<String> column(Path csv, String column) {
    return Csv.read(Input.file(csv), CsvSettings.defaults()).map(row -> row.get(column)).toList();
  }

  /** Creates table items(id, name) with {@code count} rows in an embedded database. */
  public static void seed(DataSource db, int count) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(20))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
        for (int i = 1; i <= count; i++) {
          insert.setLong(1, i);
          insert.setString(2, "item" + i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /** The rows of table items, read by keyset pages in key order. */
  public static List<Map<String, Object>> items(DataSource db) {
    return Jdbc.keyset(db, TableQuery.of("items", "id").withPageSize(7)).rows().toList();
  }
}
