package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMapperTest {
  record Item(long id, String name, BigDecimal price) {}

  record Score(long id, int score) {}

  record Missing(long id, String nope) {}

  @EachDatabase
  void mapsRowsToMapsInColumnOrderAndToRecordsByName(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE items (price DECIMAL(8,2), id BIGINT PRIMARY KEY, name VARCHAR(9), score INT)",
          "INSERT INTO items VALUES (1.50, 1, 'one', NULL)");
      TableQuery query = TableQuery.of("items", "id");
      Map<String, Object> row = Jdbc.keyset(db.dataSource(), query).rows().first().orElseThrow();
      assertThat(List.copyOf(row.keySet())).containsExactly("price", "id", "name", "score");
      assertThat(
              Jdbc.keyset(db.dataSource(), query, RowMapper.toRecord(Item.class)).rows().toList())
          .containsExactly(new Item(1, "one", new BigDecimal("1.50")));
      assertThatThrownBy(
              () ->
                  Jdbc.keyset(db.dataSource(), query, RowMapper.toRecord(Score.class))
                      .rows()
                      .count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("column 'score' is null but component Score.score is a primitive");
      assertThatThrownBy(
              () ->
                  Jdbc.keyset(db.dataSource(), query, RowMapper.toRecord(Missing.class))
                      .rows()
                      .count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("record Missing has component 'nope'");
    }
  }

  @Test
  void bindersReadMapsAndRecordsByColumnName() throws Exception {
    assertThatThrownBy(() -> RowBinder.ofMap().values(Map.of("id", 1), List.of("id", "name")))
        .isInstanceOf(JdbcException.class)
        .hasMessageContaining("row has no value for column 'name'");
    List<Object> values =
        List.copyOf(
            RowBinder.<Item>ofRecord()
                .values(new Item(2, "n", BigDecimal.ONE), List.of("NAME", "id")));
    assertThat(values).containsExactly("n", 2L);
  }
}
