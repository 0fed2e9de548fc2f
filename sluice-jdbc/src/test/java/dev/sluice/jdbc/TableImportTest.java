package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Columns;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link TableImport}: typed rows in batches, exactly once across a failure, upserts, rejects. */
class TableImportTest {
  private static final Columns TEXT = Columns.of("ID", "email", "amount");

  /**
   * Rows of text as a file would give them, positioned by their number; fails after {@code failAt}.
   */
  private static Resumable<Row> rows(int count, int failAt) {
    return after -> {
      int from = after.map(Integer::parseInt).orElse(0);
      return Pipe.range(from + 1, count + 1)
          .map(
              i -> {
                if (i == failAt) {
                  throw new IllegalStateException("the source broke at row " + i);
                }
                String amount = i == 7 ? "not a number" : i % 5 == 0 ? "" : i + ".50";
                return new Positioned<>(
                    Row.of(i + 1, TEXT, "" + i, "u" + i + "@x", amount), "" + i);
              });
    };
  }

  private static void table(TestDb db) throws Exception {
    db.execute("CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(40), amount NUMERIC(8,2))");
  }

  @EachDatabase
  void importsExactlyOnceAcrossAFailureAndClearsItsCheckpoint(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      table(db);
      TableImport in =
          TableImport.of(
                  db.dataSource(), Jdbc.describe(db.dataSource(), "t"), TEXT.names(), "/in.csv")
              .withBatchSize(4);
      assertThat(in.columns()).containsExactly("id", "email", "amount");
      List<Long> rejected = new ArrayList<>();
      TableImport.Rejected skip = (row, e) -> rejected.add(row.line());
      assertThatThrownBy(() -> in.run(rows(20, 11), skip, n -> {}))
          .hasMessage("the source broke at row 11");
      // batches of 4 rows: 1 to 4, then 5, 6, 8, 9 (7 rejected) committed with position 9
      assertThat(in.interrupted()).contains("9");
      assertThat(db.query("SELECT count(*) FROM t")).containsExactly(List.of(8L));
      long[] counted = {0};
      assertThat(in.run(rows(20, -1), skip, n -> counted[0] = n)).isEqualTo(11);
      assertThat(counted[0]).isEqualTo(11);
      assertThat(db.query("SELECT count(*), sum(amount), count(amount) FROM t").get(0))
          .containsExactly(19L, new java.math.BigDecimal("160.50"), 15L);
      assertThat(rejected).containsExactly(8L);
      assertThat(in.interrupted()).isEmpty();
    }
  }

  @EachDatabase
  void upsertsByAKeyAndRefusesFieldsThatAreNoColumns(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      table(db);
      db.execute("INSERT INTO t VALUES (3, 'old', 0)");
      TableInfo info = Jdbc.describe(db.dataSource(), "t");
      TableImport in =
          TableImport.of(db.dataSource(), info, TEXT.names(), "/up.csv")
              .withUpsertKey(List.of("id"));
      in.run(rows(6, -1), (row, e) -> {}, n -> {});
      assertThat(db.query("SELECT email FROM t WHERE id = 3")).containsExactly(List.of("u3@x"));
      assertThatThrownBy(
              () -> TableImport.of(db.dataSource(), info, List.of("id", "nope"), "/x.csv"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("field 'nope' of /x.csv is not a column of table");
      assertThatThrownBy(
              () ->
                  TableImport.of(db.dataSource(), info, List.of("email"), "/x.csv")
                      .withUpsertKey(List.of("id")))
          .hasMessageContaining("must be among the input's columns");
    }
  }

  @EachDatabase
  void aRejectedRowThatThrowsFailsTheImportAndAMissingFieldIsNull(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      table(db);
      TableInfo info = Jdbc.describe(db.dataSource(), "t");
      TableImport in =
          TableImport.of(db.dataSource(), info, List.of("id", "email", "amount"), "/j");
      assertThatThrownBy(
              () ->
                  in.run(
                      rows(10, -1),
                      (row, e) -> {
                        throw new IllegalStateException(
                            "line " + row.line() + ": " + e.getMessage());
                      },
                      n -> {}))
          .hasStackTraceContaining("line 8: column amount: cannot read 'not a number' as NUMERIC");
      db.execute("DELETE FROM t", "DELETE FROM sluice_checkpoint");
      Columns partial = Columns.of("id");
      Resumable<Row> json = after -> Pipe.of(new Positioned<>(Row.of(partial, "1"), "1"));
      in.run(json, (row, e) -> {}, n -> {});
      assertThat(db.query("SELECT id, email FROM t"))
          .containsExactly(java.util.Arrays.asList(1, null));
      assertThat(Optional.of(in.job())).contains("import T /j".replace("T", info.name()));
    }
  }
}
