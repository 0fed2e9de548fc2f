package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.PostgresExtension;
import dev.sluice.jdbc.testing.TestDb;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which tables a {@code MERGE} upserts into exactly as {@code INSERT … ON CONFLICT} does. */
@ExtendWith(PostgresExtension.class)
class MergeFitTest {
  private static boolean fits(TestDb db, String table, String... key) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      return MergeFit.fits(c, TableRef.resolve(c, table), List.of(key));
    }
  }

  @Test
  void anOrdinaryTableFitsOnTheColumnsOfAUniqueIndexInAnyOrder() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE pk (id BIGINT PRIMARY KEY, s TEXT, n INT)",
          "CREATE TABLE pair (a INT, b TEXT, s TEXT, UNIQUE (a, b))",
          "CREATE TABLE covering (id INT, s TEXT)",
          "CREATE UNIQUE INDEX covering_id ON covering (id) INCLUDE (s)",
          "CREATE TABLE fk (id INT PRIMARY KEY, p BIGINT REFERENCES pk (id))");
      assertThat(fits(db, "pk", "id")).isTrue();
      assertThat(fits(db, "pair", "a", "b")).isTrue();
      assertThat(fits(db, "pair", "b", "a")).isTrue();
      assertThat(fits(db, "covering", "id")).isTrue();
      assertThat(fits(db, "fk", "id"))
          .as("a foreign key's internal triggers act the same")
          .isTrue();
    }
  }

  @Test
  void aKeyNoPlainImmediateUniqueIndexEnforcesExactlyDoesNotFit() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE t (id INT PRIMARY KEY, a INT, b TEXT, c TEXT COLLATE \"C\", d TEXT,"
              + " e INT UNIQUE DEFERRABLE, f INT, g INT)",
          "CREATE INDEX t_a ON t (a)",
          "CREATE UNIQUE INDEX t_b ON t (lower(b))",
          "CREATE UNIQUE INDEX t_c ON t (c COLLATE \"POSIX\")",
          "CREATE UNIQUE INDEX t_d ON t (d text_pattern_ops)",
          "CREATE UNIQUE INDEX t_f ON t (f) WHERE f > 0",
          "CREATE UNIQUE INDEX t_g ON t (g, a)");
      assertThat(fits(db, "t", "a")).as("not unique").isFalse();
      assertThat(fits(db, "t", "b")).as("an expression").isFalse();
      assertThat(fits(db, "t", "c")).as("another collation").isFalse();
      assertThat(fits(db, "t", "d")).as("another operator class").isFalse();
      assertThat(fits(db, "t", "e")).as("deferrable").isFalse();
      assertThat(fits(db, "t", "f")).as("partial").isFalse();
      assertThat(fits(db, "t", "g")).as("a part of an index's key").isFalse();
      assertThat(fits(db, "t", "id", "a")).as("more than an index's key").isFalse();
      assertThat(fits(db, "t", "id")).isTrue();
    }
  }

  @Test
  void triggersRulesRowSecurityAndInheritanceDoNotFit() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE FUNCTION same() RETURNS trigger LANGUAGE plpgsql AS" + " 'BEGIN RETURN NEW; END'",
          "CREATE TABLE trig (id INT PRIMARY KEY, s TEXT)",
          "CREATE TRIGGER trig_before BEFORE INSERT ON trig FOR EACH ROW EXECUTE FUNCTION same()",
          "CREATE TABLE ruled (id INT PRIMARY KEY, s TEXT)",
          "CREATE TABLE log (s TEXT)",
          "CREATE RULE ruled_log AS ON UPDATE TO ruled DO ALSO INSERT INTO log VALUES (NEW.s)",
          "CREATE TABLE secured (id INT PRIMARY KEY, s TEXT)",
          "ALTER TABLE secured ENABLE ROW LEVEL SECURITY",
          "CREATE TABLE parent (id INT PRIMARY KEY, s TEXT)",
          "CREATE TABLE child (id INT PRIMARY KEY) INHERITS (parent)",
          "CREATE TABLE parted (id INT PRIMARY KEY, s TEXT) PARTITION BY RANGE (id)",
          "CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (100)");
      for (String table : List.of("trig", "ruled", "secured", "parent", "parted")) {
        assertThat(fits(db, table, "id")).as(table).isFalse();
      }
      assertThat(fits(db, "child", "id")).as("a child has no children").isTrue();
    }
  }

  @Test
  void aCatalogQueryThatFailsAnswersNoAndLeavesTheConnectionUsable() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute("CREATE TABLE gone (id INT PRIMARY KEY)");
      try (Connection c = db.dataSource().getConnection()) {
        TableRef gone = TableRef.resolve(c, "gone");
        db.execute("DROP TABLE gone"); // the name no longer casts to a regclass
        c.setAutoCommit(false);
        assertThat(MergeFit.fits(c, gone, List.of("id"))).isFalse();
        try (var s = c.createStatement();
            var rs = s.executeQuery("SELECT 1")) {
          assertThat(rs.next()).as("the transaction is not left aborted").isTrue();
        }
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }
}
