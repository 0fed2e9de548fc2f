package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Pipe;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.RowMapper;
import dev.sluice.jdbc.TableQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/cookbook/offset-vs-keyset.md: offset pages skip and repeat rows while other
 * clients write; keyset pages do not. On the embedded database (H2 in a file, ADR 0200); the writes
 * of the "other client" happen at fixed elements, so the outcome is the same every run.
 */
final class OffsetVsKeysetTest {
  @TempDir Path dir;
  private HikariDataSource db;

  @BeforeEach
  void createTheTable() throws SQLException {
    db = Jdbc.embedded(dir.resolve("shop"));
    sql("create table items (id int primary key, name varchar(20) not null)");
    fill();
  }

  @AfterEach
  void closeThePool() {
    db.close();
  }

  /** Ten rows, ids 10 to 100. */
  private void fill() throws SQLException {
    sql("delete from items");
    for (int id = 10; id <= 100; id += 10) {
      sql("insert into items values (" + id + ", 'item " + id + "')");
    }
  }

  @Test
  void offsetPagesRepeatAndSkipRowsWhileOthersWriteAndKeysetPagesDoNot() throws SQLException {
    // region offset-vs-keyset
    TableQuery items = TableQuery.of("items", "id").withPageSize(3); // key: id
    RowMapper<Integer> id = row -> row.getInt("id");

    List<Integer> byOffset = whileOthersWrite(Jdbc.offset(db, items, id)).toList();
    fill(); // the same ten rows again
    List<Integer> byKeyset = whileOthersWrite(Jdbc.keyset(db, items, id).rows()).toList();

    assertThat(byOffset).containsExactly(10, 20, 30, 30, 40, 50, 70, 80, 90, 100); // 60 is lost
    assertThat(byKeyset).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    // endregion
  }

  // region others-write
  /** Another client inserts id 15 once id 20 was read, and deletes id 10 once 50 was. */
  private Pipe<Integer> whileOthersWrite(Pipe<Integer> ids) {
    return ids.peek(
        id -> {
          if (id == 20) {
            sql("insert into items values (15, 'late')"); // shifts later offsets by +1
          } else if (id == 50) {
            sql("delete from items where id = 10"); // and by -1 again, one page later
          }
        });
  }

  // endregion

  @Test
  void aCursorReadsEveryRowInOneQuery() {
    // region cursor
    TableQuery items = TableQuery.of("items", "id").withFetchSize(500); // rows per round trip
    List<String> names = Jdbc.cursor(db, items, row -> row.getString("name")).toList();

    assertThat(names).hasSize(10).startsWith("item 10", "item 20").endsWith("item 100");
    // endregion
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
