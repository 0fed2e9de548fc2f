package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Checkpoints;
import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

class CheckpointsTest {
  @EachDatabase
  void aRerunContinuesAfterTheLastCommittedBatch(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE src (a INT, b INT, v VARCHAR(20), PRIMARY KEY (a, b))",
          "CREATE TABLE dst (a INT, b INT, v VARCHAR(20), PRIMARY KEY (a, b))");
      for (int i = 0; i < 100; i++) {
        db.execute("INSERT INTO src VALUES (" + i / 30 + ", " + i + ", 'v" + i + "')");
      }
      KeysetSource<Map<String, Object>> source =
          Jdbc.keyset(db.dataSource(), TableQuery.of("src", "a", "b").withPageSize(9));
      CheckpointedSink<Map<String, Object>> sink =
          Jdbc.<Map<String, Object>>sink(
                  db.dataSource(),
                  SinkSettings.insert("dst", List.of("a", "b", "v"), "a", "b").withBatchSize(10),
                  RowBinder.ofMap())
              .checkpointed("copy");
      assertThat(sink.checkpoint().load()).isEmpty();
      AtomicInteger seen = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  Checkpoints.resume(source, sink.checkpoint())
                      .peek(
                          p -> {
                            if (seen.incrementAndGet() == 37) {
                              throw new IllegalStateException("crash");
                            }
                          })
                      .into(sink))
          .hasMessage("crash");
      assertThat(db.query("SELECT COUNT(*) FROM dst").get(0).get(0)).isIn(30, 30L);
      assertThat(sink.checkpoint().load()).contains("i:0,i:29");

      long rest = Checkpoints.resume(source, sink.checkpoint()).into(sink);

      assertThat(rest).isEqualTo(70);
      assertThat(db.query("SELECT a, b, v FROM dst ORDER BY a, b"))
          .isEqualTo(db.query("SELECT a, b, v FROM src ORDER BY a, b"));
      assertThat(Checkpoints.resume(source, sink.checkpoint()).into(sink)).isZero();
      sink.checkpoint().clear();
      assertThat(sink.checkpoint().load()).isEmpty();
    }
  }

  @EachDatabase
  void checkpointTableAndJobAreValidated(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      assertThatThrownBy(() -> new JdbcCheckpoint(db.dataSource(), "cp; drop", "job"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'cp; drop'");
      assertThatThrownBy(() -> new JdbcCheckpoint(db.dataSource(), "cp", ""))
          .hasMessageContaining("job must have 1 to 200 characters");
    }
  }
}
