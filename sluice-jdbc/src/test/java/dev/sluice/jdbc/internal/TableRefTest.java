package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.TableQuery;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.sql.Connection;
import java.util.List;

class TableRefTest {
  @EachDatabase
  void rejectsHostileTableNamesBeforeAnyQuery(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50))");
      for (String hostile :
          List.of(
              "users; DROP TABLE users", "users\" --", "us_rs", "%", "use%", "users\u0000", "")) {
        assertThatThrownBy(
                () -> Jdbc.keyset(db.dataSource(), TableQuery.of(hostile, "id")).rows().count())
            .as(hostile)
            .isInstanceOf(JdbcException.class)
            .hasMessageContaining("no table named '" + hostile + "'");
      }
      assertThat(db.query("SELECT COUNT(*) FROM users").get(0).get(0)).isIn(0L, 0);
    }
  }

  @EachDatabase
  void rejectsHostileColumnNamesNamingTheTable(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50))");
      for (String hostile : List.of("id; DROP TABLE users", "id\"", "e_ail", "1=1 OR id")) {
        assertThatThrownBy(
                () -> Jdbc.keyset(db.dataSource(), TableQuery.of("users", hostile)).rows().count())
            .isInstanceOf(JdbcException.class)
            .hasMessageContaining("no column named '" + hostile + "' in table users");
        assertThatThrownBy(
                () ->
                    Jdbc.keyset(db.dataSource(), TableQuery.of("users", "id").withColumns(hostile))
                        .rows()
                        .count())
            .isInstanceOf(JdbcException.class)
            .hasMessageContaining(hostile);
      }
    }
  }

  @EachDatabase
  void quotesRealNamesThatNeedIt(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE \"odd-name tab\" (\"select\" INT PRIMARY KEY, \"Mixed Case\" INT)");
      db.execute("INSERT INTO \"odd-name tab\" VALUES (1, 2)");
      try (Connection c = db.dataSource().getConnection()) {
        TableRef ref = TableRef.resolve(c, "odd-name tab");
        assertThat(ref.sql()).endsWith(".\"odd-name tab\"");
        assertThat(ref.columns(List.of("SELECT", "mixed case")))
            .containsExactly("select", "Mixed Case");
      }
      assertThat(
              Jdbc.keyset(db.dataSource(), TableQuery.of("ODD-NAME TAB", "select")).rows().toList())
          .hasSize(1);
    }
  }
}
