package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Columns;
import dev.sluice.Pipe;
import dev.sluice.Row;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table rows as {@link Row}s: read by {@link RowMapper#toRow()}, typed and bound back. */
class RowModelTest {
  @EachDatabase
  void readsRowsUnderTheColumnLabelsSharingOneColumnsAndWritesThemBack(Engine engine)
      throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE items (id BIGINT PRIMARY KEY, price DECIMAL(8,2), d DATE,"
              + " ts TIMESTAMP, note VARCHAR(20))",
          "INSERT INTO items VALUES (1, 1.50, DATE '2024-02-29', TIMESTAMP '2024-03-31 02:30:00',"
              + " NULL), (2, 10.00, NULL, NULL, 'x')",
          "CREATE TABLE copy (id BIGINT PRIMARY KEY, price DECIMAL(8,2), d DATE,"
              + " ts TIMESTAMP, note VARCHAR(20))");
      TableQuery query = TableQuery.of("items", "id");
      List<Row> rows = Jdbc.keyset(db.dataSource(), query, RowMapper.toRow()).rows().toList();
      assertThat(rows).hasSize(2);
      Row first = rows.get(0);
      assertThat(first.names()).containsExactly("id", "price", "d", "ts", "note");
      assertThat(first.get("price")).isEqualTo(new BigDecimal("1.50"));
      assertThat(first.get("d")).isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(first.get("ts")).isEqualTo(LocalDateTime.of(2024, 3, 31, 2, 30));
      assertThat(first.text("ts")).isEqualTo("2024-03-31T02:30");
      assertThat(rows.get(1).columns()).isSameAs(first.columns());

      SinkSettings settings =
          SinkSettings.insert("copy", List.of("id", "price", "d", "ts", "note"), "id");
      Pipe.from(rows).into(Jdbc.sink(db.dataSource(), settings, RowBinder.ofRow()));
      assertThat(
              Jdbc.keyset(db.dataSource(), TableQuery.of("copy", "id"), RowMapper.toRow())
                  .rows()
                  .toList())
          .isEqualTo(rows);
    }
  }

  @EachDatabase
  void typesTextByTheColumnsSqlTypes(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE t (id INT PRIMARY KEY, ok BOOLEAN, amount DECIMAL(8,2), note VARCHAR(9))");
      TableInfo info = Jdbc.describe(db.dataSource(), "t");
      Row csv = Row.of(4, Columns.of("ID", "ok", "amount", "note"), "7", "yes", "2.50", "");
      Row typed = info.typed(csv, true);
      assertThat(typed.names()).containsExactly("id", "ok", "amount", "note");
      assertThat(typed.values()).containsExactly(7, true, new BigDecimal("2.50"), null);
      assertThat(typed.line()).isEqualTo(4);
      Row exact = Row.of(Columns.of("id", "ok"), "1", "t");
      assertThat(info.typed(exact, true).columns()).isSameAs(exact.columns()); // none per row
      Row json = Row.of(Columns.of("id", "ok", "note"), 8L, false, "");
      assertThat(info.typed(json, false).values()).containsExactly(8, false, "");
      assertThatThrownBy(() -> info.typed(Row.of(Columns.of("id"), "x"), true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column id: cannot read 'x' as INTEGER");
      assertThatThrownBy(() -> info.typed(Row.of(Columns.of("nope"), "1"), true))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("field 'nope' is not a column of table");
    }
  }

  @Test
  void theRowBinderFindsColumnsIgnoringCaseAndNamesAMissingOne() throws Exception {
    Row row = Row.of(Columns.of("ID", "name"), 1L, "n");
    assertThat(List.<Object>copyOf(RowBinder.ofRow().values(row, List.of("name", "id"))))
        .containsExactly("n", 1L);
    assertThatThrownBy(() -> RowBinder.ofRow().values(row, List.of("price")))
        .isInstanceOf(JdbcException.class)
        .hasMessage("row has no value for column 'price'; its columns are [ID, name]");
  }
}
