package dev.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jdbc.internal.CopyRun;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.PostgresExtension;
import dev.sluice.jdbc.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CopyExport}: when it can run, its chunks and positions, a value it cannot write. */
@ExtendWith(PostgresExtension.class)
class CopyExportTest {
  private static final CopyExport.Style CSV = new CopyExport.Style(',', '"', false, true);

  /** Collects the chunks' text and their commits. */
  private static final class Chunks {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<String> commits = new ArrayList<>();

    OutputStream open() {
      return bytes;
    }

    void commit(long rows, String position) {
      commits.add(rows + "@" + position);
    }
  }

  @Test
  void writesChunksOfKeyOrderPositionedAsKeysetPagesAndResumes() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE t (id INT PRIMARY KEY, ok BOOLEAN, at TIMESTAMP, note TEXT)",
          "INSERT INTO t SELECT g, g % 2 = 0, TIMESTAMP '2024-01-01' + g * INTERVAL '30 seconds',"
              + " CASE WHEN g = 2 THEN '=1+1' END FROM generate_series(1, 5) g");
      CopyExport export =
          CopyExport.plan(
              db.dataSource(), TableQuery.of("t", "id"), List.of("id", "ok", "at", "NOTE"), CSV);
      assertThat(export.exact()).isTrue();
      assertThat(export.checksValues()).isTrue();
      Chunks all = new Chunks();
      assertThat(export.write(Optional.empty(), 2, all::open, all::commit)).isEqualTo(5);
      assertThat(all.commits).containsExactly("2@i:2", "2@i:4", "1@i:5");
      assertThat(all.bytes.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "1,false,2024-01-01T00:00:30,\n"
                  + "2,true,2024-01-01T00:01,'=1+1\n"
                  + "3,false,2024-01-01T00:01:30,\n"
                  + "4,true,2024-01-01T00:02,\n"
                  + "5,false,2024-01-01T00:02:30,\n");
      Chunks rest = new Chunks();
      assertThat(export.write(Optional.of("i:4"), 2, rest::open, rest::commit)).isEqualTo(1);
      assertThat(rest.bytes.toString(StandardCharsets.UTF_8))
          .isEqualTo("5,false,2024-01-01T00:02:30,\n");
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  /**
   * The commits of an export of 1,000 rows in chunks of {@code chunk}, of which row {@code bad} has
   * a date COPY cannot write: it fails naming the value, and the table and pool are left clean.
   */
  private static Streams failingAt(TestDb db, int bad, int chunk) throws Exception {
    db.execute(
        "CREATE TABLE t (id INT PRIMARY KEY, d DATE)",
        "INSERT INTO t SELECT g, CASE WHEN g = "
            + bad
            + " THEN 'infinity'::date ELSE DATE '2024-01-01' END FROM generate_series(1, 1000) g");
    CopyExport export =
        CopyExport.plan(db.dataSource(), TableQuery.of("t", "id"), List.of("id", "d"), CSV);
    Streams streams = new Streams();
    assertThatThrownBy(() -> export.write(Optional.empty(), chunk, streams::open, streams::commit))
        .isInstanceOf(CopyExport.NotExactException.class)
        .hasMessageContaining("'infinity' of column 'd'")
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).isEmpty()); // a clean cancel
    assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    assertThat(db.query("SELECT count(*) FROM t")).containsExactly(List.of(1000L));
    return streams;
  }

  @Test
  void aValueItCannotWriteFailsItsChunkUncommittedAndLeavesTheConnectionClean() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      assertThat(failingAt(db, 3, 500).commits).isEmpty();
    }
    try (TestDb db = TestDb.create(Engine.POSTGRES)) { // the statement's last row
      assertThat(failingAt(db, 1000, 500).commits).containsExactly("500@i:500");
    }
  }

  /** Each chunk's bytes in a stream of its own, with the commits. */
  private static final class Streams {
    final List<ByteArrayOutputStream> opened = new ArrayList<>();
    final List<String> commits = new ArrayList<>();
    final StringBuilder committed = new StringBuilder();

    OutputStream open() {
      opened.add(new ByteArrayOutputStream());
      return opened.get(opened.size() - 1);
    }

    void commit(long rows, String position) {
      commits.add(rows + "@" + position);
      committed.append(opened.get(opened.size() - 1).toString(StandardCharsets.UTF_8));
    }
  }

  private static String rows(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      text.append(i).append(",r").append(i).append('\n');
    }
    return text.toString();
  }

  @Test
  void moreChunksThanOneStatementReadsEndEachAtItsLastRowAndGoOnInTheNextStatement()
      throws Exception {
    int total = 3 * CopyRun.CHUNKS_PER_STATEMENT * 2 + 5;
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      db.execute(
          "CREATE TABLE t (id BIGINT PRIMARY KEY, s TEXT)",
          "INSERT INTO t SELECT g, 'r' || g FROM generate_series(1, " + total + ") g");
      CopyExport export =
          CopyExport.plan(db.dataSource(), TableQuery.of("t", "id"), List.of("id", "s"), CSV);
      Streams all = new Streams();
      List<List<Object>> during = new ArrayList<>();
      CopyExport.Committer commit =
          (rows, position) -> {
            if (all.commits.isEmpty()) { // the first chunk ends while its statement still runs
              try {
                during.addAll(
                    db.query(
                        "SELECT state FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND pid <> pg_backend_pid() AND query LIKE 'COPY%'"));
              } catch (java.sql.SQLException e) {
                throw new java.io.IOException(e);
              }
            }
            all.commit(rows, position);
          };
      assertThat(export.write(Optional.empty(), 3, all::open, commit)).isEqualTo(total);
      assertThat(during)
          .singleElement()
          .satisfies(state -> assertThat(state.get(0)).isIn("active", "idle in transaction"));
      List<String> expected = new ArrayList<>();
      for (int last = 3; last <= total; last += 3) {
        expected.add("3@l:" + last);
      }
      expected.add("2@l:" + total);
      assertThat(all.commits).containsExactlyElementsOf(expected);
      assertThat(all.opened).hasSize(expected.size());
      assertThat(all.committed.toString()).isEqualTo(rows(1, total));

      Streams rest = new Streams();
      String after = "l:" + (3 * CopyRun.CHUNKS_PER_STATEMENT - 3);
      assertThat(export.write(Optional.of(after), 3, rest::open, rest::commit))
          .isEqualTo(total - 3 * CopyRun.CHUNKS_PER_STATEMENT + 3);
      assertThat(rest.committed.toString())
          .isEqualTo(rows(3 * CopyRun.CHUNKS_PER_STATEMENT - 2, total));

      // with a filter, the chunks are of the rows it keeps, in every statement
      CopyExport odd =
          CopyExport.plan(
              db.dataSource(),
              TableQuery.of("t", "id").withWhere("id % ? = 1", 2),
              List.of("id", "s"),
              CSV);
      Streams kept = new Streams();
      assertThat(odd.write(Optional.empty(), 3, kept::open, kept::commit))
          .isEqualTo((total + 1) / 2);
      StringBuilder expectedOdd = new StringBuilder();
      for (int i = 1; i <= total; i += 2) {
        expectedOdd.append(rows(i, i));
      }
      assertThat(kept.committed.toString()).isEqualTo(expectedOdd.toString());
      assertThat(kept.commits.get(0)).isEqualTo("3@l:5");
      assertThat(kept.commits).hasSize(((total + 1) / 2 + 2) / 3);
    }
  }

  @Test
  void aValueItCannotWriteInALaterChunkOfOneStatementKeepsTheChunksCommittedBeforeIt()
      throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      Streams streams = failingAt(db, 650, 100);
      assertThat(streams.commits)
          .containsExactly(
              "100@i:100", "100@i:200", "100@i:300", "100@i:400", "100@i:500", "100@i:600");
      assertThat(streams.opened).hasSize(7);
    }
  }

  /** Table t of {@code rows} rows of 100 bytes of text each, and its export by {@code query}. */
  private static CopyExport hundredBytes(TestDb db, int rows, TableQuery query) throws Exception {
    db.execute(
        "CREATE TABLE t (id BIGINT PRIMARY KEY, s TEXT)",
        "INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, " + rows + ") g");
    return CopyExport.plan(db.dataSource(), query, List.of("id", "s"), CSV);
  }

  @Test
  void eachChunkOfOneStatementHasTheWholeQueryTimeout() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      // 64 chunks of 6.4 MB in all: more than the socket holds, so the server is still sending
      // (and a cancel would stop it) while the slow commits go on for longer than the timeout
      CopyExport export =
          hundredBytes(
              db,
              64000,
              TableQuery.of("t", "id").withQueryTimeout(java.time.Duration.ofMillis(1500)));
      Streams streams = new Streams();
      long started = System.nanoTime();
      assertThat(
              export.write(
                  Optional.empty(),
                  1000,
                  streams::open,
                  (rows, position) -> {
                    streams.commit(rows, position);
                    try {
                      Thread.sleep(40);
                    } catch (InterruptedException e) {
                      throw new java.io.InterruptedIOException();
                    }
                  }))
          .isEqualTo(64000);
      assertThat(System.nanoTime() - started).isGreaterThan(2_000_000_000L); // 64 x 40 ms
      assertThat(streams.commits).hasSize(64).endsWith("1000@l:64000");
    }
  }

  @Test
  void aCommitThatFailsCancelsTheRunningCopyAndLeavesTheConnectionClean() throws Exception {
    try (TestDb db = TestDb.create(Engine.POSTGRES)) {
      CopyExport export = hundredBytes(db, 200000, TableQuery.of("t", "id"));
      Streams streams = new Streams();
      java.io.IOException full = new java.io.IOException("No space left on device");
      assertThatThrownBy(
              () ->
                  export.write(
                      Optional.empty(),
                      1000,
                      streams::open,
                      (rows, position) -> {
                        streams.commit(rows, position);
                        if (streams.commits.size() == 2) {
                          throw full;
                        }
                      }))
          .isSameAs(full);
      assertThat(streams.opened).hasSize(2);
      assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
      assertThat(
              db.query(
                  "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY%'"
                      + " AND state = 'active' AND pid <> pg_backend_pid()"))
          .containsExactly(List.of(0L));
      try (java.sql.Connection c = db.dataSource().getConnection();
          java.sql.Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(200000L);
      }
    }
  }

  @Test
  void saysWhyItCannotRun() throws Exception {
    try (TestDb pg = TestDb.create(Engine.POSTGRES);
        TestDb h2 = TestDb.create(Engine.H2)) {
      pg.execute("CREATE TABLE t (id INT PRIMARY KEY, span INTERVAL)");
      h2.execute("CREATE TABLE t (id INT PRIMARY KEY, span INT)");
      TableQuery query = TableQuery.of("t", "id");
      assertThat(CopyExport.plan(pg.dataSource(), query, List.of("id", "span"), CSV).reason())
          .hasValueSatisfying(r -> assertThat(r).contains("'span'", "interval"));
      assertThat(CopyExport.plan(pg.dataSource(), query, List.of("id"), CSV).reason())
          .hasValueSatisfying(r -> assertThat(r).contains("single column"));
      assertThat(CopyExport.plan(h2.dataSource(), query, List.of("id", "span"), CSV).reason())
          .hasValueSatisfying(r -> assertThat(r).contains("not PostgreSQL"));
      assertThat(
              CopyExport.plan(
                      pg.dataSource(),
                      query,
                      List.of("id", "span"),
                      new CopyExport.Style('é', '"', false, true))
                  .exact())
          .isFalse();
    }
  }
}
