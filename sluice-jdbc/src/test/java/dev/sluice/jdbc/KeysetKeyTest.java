package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.util.List;
import java.util.Optional;

/** A keyset key must be a NOT NULL unique key: refused up front, and checked row by row. */
class KeysetKeyTest {
  private static void seven(TestDb db) throws Exception {
    db.execute("CREATE TABLE seven (id INT PRIMARY KEY, grp INT NOT NULL, code INT, tag INT)");
    db.execute(
        db.engine() == Engine.H2
            ? "INSERT INTO seven SELECT x, x / 700, x, x FROM SYSTEM_RANGE(0, 6999) r(x)"
            : "INSERT INTO seven SELECT x, x / 700, x, x FROM generate_series(0, 6999) x");
  }

  @EachDatabase
  void aKeyWithManyRowsPerValueIsRefusedInsteadOfDroppingRows(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seven(db);
      assertThatThrownBy(
              () -> Jdbc.keyset(db.dataSource(), TableQuery.of("seven", "grp")).rows().count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("key [grp] of table 'seven' cannot page a keyset")
          .hasMessageContaining("unique keys: [[id]]")
          .hasMessageContaining("use the primary key [id]");
      assertThatThrownBy(
              () ->
                  Jdbc.keyset(db.dataSource(), TableQuery.of("seven", "grp"))
                      .after(Optional.empty())
                      .count())
          .isInstanceOf(JdbcException.class);
      assertThatThrownBy(
              () -> Jdbc.offset(db.dataSource(), TableQuery.of("seven", "grp"), r -> 1).count())
          .isInstanceOf(JdbcException.class);
    }
  }

  @EachDatabase
  void aKeyCoveredByAUniqueConstraintOrIndexReadsEveryRow(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seven(db);
      db.execute(
          "ALTER TABLE seven ALTER COLUMN tag SET NOT NULL",
          "ALTER TABLE seven ADD CONSTRAINT seven_grp_tag UNIQUE (grp, tag)",
          "ALTER TABLE seven ALTER COLUMN code SET NOT NULL",
          "CREATE UNIQUE INDEX seven_code ON seven (code)");
      TableInfo info = Jdbc.describe(db.dataSource(), "seven");
      assertThat(info.uniqueKeys())
          .containsExactlyInAnyOrder(List.of("id"), List.of("grp", "tag"), List.of("code"));
      assertThat(info.uniqueKeys().get(0)).isEqualTo(List.of("id"));
      for (TableQuery query :
          List.of(
              TableQuery.of("seven", "grp", "tag"),
              TableQuery.of("seven", "code"),
              TableQuery.of("seven", "code", "grp"))) {
        assertThat(Jdbc.keyset(db.dataSource(), query).rows().count())
            .as("%s", query.key())
            .isEqualTo(7000);
      }
    }
  }

  @EachDatabase
  void aCoveringUniqueIndexMakesItsKeyColumnsUniqueNotItsIncludedOnes(Engine engine)
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        engine == Engine.POSTGRES, "INCLUDE is PostgreSQL's");
    try (TestDb db = TestDb.create(engine)) {
      seven(db);
      db.execute(
          "ALTER TABLE seven ALTER COLUMN code SET NOT NULL",
          "CREATE UNIQUE INDEX seven_code ON seven (code) INCLUDE (tag, grp)");
      TableInfo info = Jdbc.describe(db.dataSource(), "seven");
      assertThat(info.uniqueKeys()).containsExactly(List.of("id"), List.of("code"));
      assertThat(info.isKeysetKey(List.of("code"))).isTrue();
      assertThat(info.isKeysetKey(List.of("tag"))).isFalse();
      assertThat(Jdbc.keyset(db.dataSource(), TableQuery.of("seven", "code")).rows().count())
          .isEqualTo(7000);
    }
  }

  @EachDatabase
  void aNullableUniqueColumnIsRefusedUpFront(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE n (id INT PRIMARY KEY, k INT UNIQUE)",
          "INSERT INTO n VALUES (1, 1), (2, NULL), (3, 3)");
      assertThatThrownBy(() -> Jdbc.keyset(db.dataSource(), TableQuery.of("n", "k")).rows().count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("key [k] of table 'n'")
          .hasMessageContaining("column(s) [k] may hold NULL")
          .hasMessageContaining("NOT NULL unique key");
    }
  }

  @EachDatabase
  void tableInfoSaysWhichKeysCanPageAKeyset(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seven(db);
      TableInfo info = Jdbc.describe(db.dataSource(), "seven");
      assertThat(info.isKeysetKey(List.of("id"))).isTrue();
      assertThat(info.isKeysetKey(List.of("grp", "id"))).isTrue();
      assertThat(info.isKeysetKey(List.of("grp"))).isFalse();
      assertThat(info.isKeysetKey(List.of())).isFalse();
      assertThatThrownBy(() -> info.requireKeysetKey(List.of("grp")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("key [grp] of table 'seven'");
    }
  }

  @EachDatabase
  void duplicateKeysInAViewFailTheRunNamingTheValues(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      seven(db);
      db.execute("CREATE VIEW groups AS SELECT grp, id FROM seven");
      assertThatThrownBy(
              () ->
                  Jdbc.keyset(db.dataSource(), TableQuery.of("groups", "grp").withPageSize(1000))
                      .rows()
                      .count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("key [grp] of table 'groups' does not strictly increase")
          .hasMessageContaining("key [0] equals the key [0]");
      assertThat(
              Jdbc.keyset(db.dataSource(), TableQuery.of("groups", "id").withPageSize(1000))
                  .rows()
                  .count())
          .isEqualTo(7000);
    }
  }

  @EachDatabase
  void aDuplicateAcrossAPageBoundaryFailsToo(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE d (id INT PRIMARY KEY, k INT NOT NULL)",
          "INSERT INTO d VALUES (1, 1), (2, 2), (3, 2), (4, 3)",
          "CREATE VIEW dv AS SELECT k FROM d");
      assertThatThrownBy(
              () ->
                  Jdbc.keyset(db.dataSource(), TableQuery.of("dv", "k").withPageSize(2))
                      .rows()
                      .count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("key [2] equals the key [2]");
    }
  }

  @EachDatabase
  void aNullKeyInAViewFailsNamingTableAndKey(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE n (id INT PRIMARY KEY, k INT)",
          "INSERT INTO n VALUES (1, 1), (2, NULL), (3, 3)",
          "CREATE VIEW nv AS SELECT k FROM n");
      assertThatThrownBy(
              () ->
                  Jdbc.keyset(db.dataSource(), TableQuery.of("nv", "k").withPageSize(1))
                      .rows()
                      .count())
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("key column(s) [k] of table 'nv' hold a NULL")
          .hasMessageContaining("needs a NOT NULL unique key");
    }
  }
}
