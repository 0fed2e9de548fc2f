package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Columns;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.jdbc.internal.TextValues;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.PostgresExtension;
import dev.sluice.jdbc.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link TableImport} on PostgreSQL sends the values {@link TextValues#passesThrough} takes as the
 * text they are: the table holds what binding the parsed values holds, and a bad value is still
 * rejected by line.
 */
@ExtendWith(PostgresExtension.class)
class TableImportTextTest {
  private static final Columns FIELDS = Columns.of("id", "small", "big", "amount", "day", "at");
  private static final int[] TYPES = {
    Types.INTEGER, Types.SMALLINT, Types.BIGINT, Types.NUMERIC, Types.DATE, Types.TIMESTAMP
  };

  /** Texts of each field, row by row; the plain ones pass through, the others are parsed. */
  private static final List<List<String>> TEXTS =
      List.of(
          List.of("1", "007", "123456789012345678", "1.50", "2024-02-29", "2024-01-01T00:00"),
          List.of("2", "-0", "-000000000000000001", "-0.005", "0001-01-01", "2024-01-01 00:00:01"),
          List.of(
              "3", "+5", "9223372036854775807", "99.999", "9999-12-31", "1999-12-31T23:59:59.5"),
          List.of("4", " 12 ", "-1", "00012.3", "2024-01-31", "2024-02-29T12:30:00.123456789"),
          List.of("5", "0", "0", "1e3", " 2024-01-01", " 2024-06-01T12:30:00.12 "),
          List.of("6", "-32768", "42", "-.5", "2000-02-29", "2024-01-01T23:59:59.000001"),
          List.of("7", "1", "1", "not a number", "2024-01-01", "2024-01-01T00:00"),
          List.of("8", "1", "1", "1", "2023-02-29", "2024-01-01T00:00"),
          List.of("9", "1", "1", "1", "2024-01-01", "2024-01-01T24:00"));

  private static final String TABLE =
      " (id INT PRIMARY KEY, small SMALLINT, big BIGINT, amount NUMERIC(12,2), day DATE,"
          + " at TIMESTAMP)";

  private static Resumable<Row> rows() {
    return after ->
        Pipe.range(after.map(Integer::parseInt).orElse(0), TEXTS.size())
            .map(
                i ->
                    new Positioned<>(
                        Row.of(i + 1, FIELDS, TEXTS.get(Math.toIntExact(i)).toArray()),
                        String.valueOf(i + 1)));
  }

  @Test
  void keepsPlainValuesAsTextAndTheTableHoldsWhatTheParsedValuesWouldHold() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE by_copy" + TABLE, "CREATE TABLE by_binding" + TABLE);
      assertThat(TextValues.passesThrough("007", Types.SMALLINT)).isTrue();
      assertThat(TextValues.passesThrough("1999-12-31T23:59:59.5", Types.TIMESTAMP)).isTrue();
      List<Long> rejected = new ArrayList<>();
      long written =
          TableImport.of(
                  db.dataSource(),
                  Jdbc.describe(db.dataSource(), "by_copy"),
                  FIELDS.names(),
                  "/in.csv")
              .withBatchSize(4)
              .run(rows(), (row, e) -> rejected.add(row.line()), n -> {});
      assertThat(written).isEqualTo(6);
      assertThat(rejected).containsExactly(7L, 8L, 9L);
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement insert =
              c.prepareStatement("INSERT INTO by_binding VALUES (?, ?, ?, ?, ?, ?)")) {
        for (List<String> texts : TEXTS.subList(0, 6)) {
          for (int i = 0; i < TYPES.length; i++) {
            insert.setObject(i + 1, TextValues.parse(texts.get(i), TYPES[i]));
          }
          insert.executeUpdate();
        }
      }
      String differ =
          "SELECT count(*) FROM ((TABLE by_copy EXCEPT TABLE by_binding)"
              + " UNION ALL (TABLE by_binding EXCEPT TABLE by_copy)) d";
      assertThat(db.query(differ)).containsExactly(List.of(0L));
      assertThat(db.query("SELECT count(*) FROM by_copy")).containsExactly(List.of(6L));
      assertThat(db.query("SELECT at FROM by_copy WHERE id = 4").get(0).get(0).toString())
          .isEqualTo("2024-02-29 12:30:00.123457");
    }
  }
}
