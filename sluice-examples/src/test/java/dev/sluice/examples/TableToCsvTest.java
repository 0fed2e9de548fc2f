package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.CheckedFunction;
import dev.sluice.Row;
import dev.sluice.io.PartFile;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.TableQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TableToCsv}, the code of docs/cookbook/export-table-to-csv.md: a run that fails midway
 * leaves no output, only the part file and its position; the rerun finishes a file identical to
 * that of an uninterrupted run. 2,500 rows on the embedded database (three chunks); the page's 5
 * million rows differ only in time, since a run holds one chunk.
 */
final class TableToCsvTest {
  private static final List<String> HEADER = List.of("id", "email");
  @TempDir Path dir;
  private HikariDataSource db;

  @BeforeEach
  void createTheTable() throws SQLException {
    db = Jdbc.embedded(dir.resolve("shop"));
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table users (id bigint primary key, email varchar(100) not null)");
    }
    try (Connection c = db.getConnection();
        PreparedStatement insert = c.prepareStatement("insert into users values (?, ?)")) {
      for (long id = 1; id <= 2500; id++) {
        insert.setLong(1, id);
        insert.setString(2, "user" + id + "@example.com");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @AfterEach
  void closeThePool() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"users.csv", "users.csv.gz"})
  void aRerunAfterAFailureFinishesTheFileOfAnUninterruptedRun(String name) throws Exception {
    // region export-and-resume
    TableQuery users = TableQuery.of("users", "id").withPageSize(1_000);
    CheckedFunction<Row, Row> fields = row -> row; // or a mask, a hash, a rename
    Path out = dir.resolve(name);

    Throwable crash = catchThrowable(() -> TableToCsv.export(db, users, HEADER, failAt(1500), out));
    assertThat(crash).hasMessageContaining("disk full");
    assertThat(out).doesNotExist(); // no half-written file where readers look
    assertThat(PartFile.load(out).rows()).isEqualTo(1_000); // the first chunk is committed

    long rows = TableToCsv.export(db, users, HEADER, fields, out); // the rerun goes on from there

    assertThat(rows).isEqualTo(2_500);
    assertThat(PartFile.part(out)).doesNotExist();
    assertThat(PartFile.pos(out)).doesNotExist();
    // endregion
    Path clean = dir.resolve("clean-" + name);
    assertThat(TableToCsv.export(db, users, HEADER, fields, clean)).isEqualTo(2_500);
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(clean));
    if (!name.endsWith(".gz")) {
      List<String> lines = Files.readAllLines(out);
      assertThat(lines).hasSize(2_501);
      assertThat(lines.get(0)).isEqualTo("id,email");
      assertThat(lines.get(1500)).isEqualTo("1500,user1500@example.com");
    }
  }

  @Test
  void aRunThatStoppedRightAfterRenamingThePartIsDoneOnRerun() throws Exception {
    Path out = dir.resolve("users.csv");
    TableQuery users = TableQuery.of("users", "id").withPageSize(1_000);
    catchThrowable(() -> TableToCsv.export(db, users, HEADER, failAt(1500), out));
    Files.move(PartFile.part(out), out); // as if killed between the rename and the cleanup
    byte[] renamed = Files.readAllBytes(out);

    assertThat(TableToCsv.export(db, users, HEADER, failAt(1), out)).isEqualTo(1_000);

    assertThat(Files.readAllBytes(out)).isEqualTo(renamed);
    assertThat(PartFile.pos(out)).doesNotExist();
  }

  /** Each row as it is, and a failure ("disk full") at the row with id {@code id}. */
  private static CheckedFunction<Row, Row> failAt(long id) {
    return row -> {
      if (((Number) row.get("id")).longValue() == id) {
        throw new IOException("disk full");
      }
      return row;
    };
  }
}
