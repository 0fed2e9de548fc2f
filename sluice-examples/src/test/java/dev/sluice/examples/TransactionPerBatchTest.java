package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.Checkpoints;
import dev.sluice.jdbc.CheckpointedSink;
import dev.sluice.jdbc.Jdbc;
import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.KeysetSource;
import dev.sluice.jdbc.RowBinder;
import dev.sluice.jdbc.SinkSettings;
import dev.sluice.jdbc.TableQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/cookbook/transaction-per-batch.md: a checkpointed JDBC sink commits each batch
 * with the source's position in one transaction; a batch the database refuses is rolled back whole,
 * and a rerun goes on after the last commit. On the embedded database (ADR 0200).
 */
final class TransactionPerBatchTest {
  @TempDir Path dir;
  private HikariDataSource db;

  @BeforeEach
  void createTheTables() throws SQLException {
    db = Jdbc.embedded(dir.resolve("shop"));
    sql("create table orders (id int primary key, cents int not null)");
    sql("create table ledger (id int primary key, cents int not null check (cents >= 0))");
    for (int id = 1; id <= 10; id++) {
      sql("insert into orders values (" + id + ", " + (id == 5 ? -1 : id * 100) + ")");
    }
  }

  @AfterEach
  void closeThePool() {
    db.close();
  }

  @Test
  void aRefusedBatchIsRolledBackAndTheRerunResumesAfterTheLastCommit() throws SQLException {
    // region transaction-per-batch
    KeysetSource<Map<String, Object>> orders = Jdbc.keyset(db, TableQuery.of("orders", "id"));
    CheckpointedSink<Map<String, Object>> ledger =
        Jdbc.<Map<String, Object>>sink(
                db,
                SinkSettings.insert("ledger", List.of("id", "cents"), "id").withBatchSize(3),
                RowBinder.ofMap())
            .checkpointed("orders-to-ledger"); // the job's name in the checkpoint table

    Throwable refused =
        catchThrowable(() -> Checkpoints.resume(orders, ledger.checkpoint()).into(ledger));

    assertThat(refused) // -1 breaks the check (cents >= 0) of the ledger in order 5
        .isInstanceOf(JdbcException.class)
        .hasMessageContaining("batch 2 (rows 4 to 6) into table 'ledger', first key {id=4}");
    assertThat(ids("ledger")).containsExactly(1, 2, 3); // batch 2 (ids 4-6) left nothing
    assertThat(ledger.checkpoint().load()).contains("i:3"); // the last committed key

    sql("update orders set cents = 0 where id = 5"); // fix the bad row, then run it again
    long written = Checkpoints.resume(orders, ledger.checkpoint()).into(ledger);

    assertThat(written).isEqualTo(7); // ids 4 to 10: nothing lost, nothing twice
    assertThat(ids("ledger")).isEqualTo(ids("orders"));
    // endregion
  }

  private List<Integer> ids(String table) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select id from " + table + " order by id")) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
