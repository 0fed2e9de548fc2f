package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TableInfo#keysetQuery}: the key a user names (or the primary key) and equality filters.
 */
class KeysetQueryTest {
  private static TableInfo orders(TestDb db) throws Exception {
    db.execute(
        "CREATE TABLE orders (id INT PRIMARY KEY, code INT NOT NULL UNIQUE, status VARCHAR(10),"
            + " amount DECIMAL(8,2), note VARCHAR(20))",
        "INSERT INTO orders VALUES (1, 30, 'open', 1.50, NULL), (2, 20, 'open', 2.00, 'x'),"
            + " (3, 10, 'done', 1.50, NULL), (4, 40, 'open', 1.50, NULL)");
    return Jdbc.describe(db.dataSource(), "orders");
  }

  private static List<String> values(TestDb db, TableQuery query, String column) throws Exception {
    String real = Jdbc.describe(db.dataSource(), "orders").column(column);
    return Jdbc.keyset(db.dataSource(), query)
        .rows()
        .map(r -> String.valueOf(r.get(real)))
        .toList();
  }

  @EachDatabase
  void withNoKeyGivenItPagesByThePrimaryKeyAndReadsEveryRow(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      TableQuery query = orders(db).keysetQuery(List.of(), Map.of());
      assertThat(query.key()).containsExactly("id");
      assertThat(query.where()).isEmpty();
      assertThat(values(db, query, "id")).containsExactly("1", "2", "3", "4");
    }
  }

  @EachDatabase
  void aGivenKeyIsMatchedIgnoringCaseAndOrdersTheRows(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      TableInfo info = orders(db);
      TableQuery query = info.keysetQuery(List.of("CODE"), Map.of());
      assertThat(query.key()).containsExactly(info.column("code"));
      assertThat(values(db, query, "code")).containsExactly("10", "20", "30", "40");
    }
  }

  @EachDatabase
  void equalityFiltersBindTypedValuesAndAnEmptyTextMatchesNull(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      TableInfo info = orders(db);
      Map<String, String> equal = new LinkedHashMap<>();
      equal.put("status", "open");
      equal.put("amount", "1.5");
      equal.put("note", "");
      TableQuery query = info.keysetQuery(List.of(), equal);
      assertThat(query.params()).hasSize(2);
      assertThat(query.where()).contains(" IS NULL");
      assertThat(values(db, query, "id")).containsExactly("1", "4");
    }
  }

  @EachDatabase
  void aTextThatDoesNotParseNamesItsColumn(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      TableInfo info = orders(db);
      assertThatThrownBy(() -> info.keysetQuery(List.of(), Map.of("amount", "cheap")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("column " + info.column("amount") + ": ");
      assertThatThrownBy(() -> info.keysetQuery(List.of(), Map.of("colour", "red")))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("colour");
    }
  }

  @EachDatabase
  void aTableWithoutAPrimaryKeyNeedsAKeyAndANullableKeyIsRefused(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE loose (k INT UNIQUE, v INT)");
      TableInfo info = Jdbc.describe(db.dataSource(), "loose");
      assertThatThrownBy(() -> info.keysetQuery(List.of(), Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no primary key; name a unique key");
      assertThatThrownBy(() -> info.keysetQuery(List.of("k"), Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("may hold NULL");
    }
  }
}
