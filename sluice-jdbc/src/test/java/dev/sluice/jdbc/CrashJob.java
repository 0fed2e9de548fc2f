package dev.sluice.jdbc;

import dev.sluice.Checkpoints;
import dev.sluice.Pipe;
import dev.sluice.jdbc.testing.LineFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The child process of {@link CrashResumeTest}: runs one checkpointed job to its end (or until it
 * is killed). Arguments: {@code export|import url user [file]}. Slowed by a short pause per row and
 * printing its progress, so the test can kill it mid-run.
 */
public final class CrashJob {
  static final int BATCH = 40;
  static final int PAGE = 55;
  static final long PAUSE_NANOS = 300_000;
  static final String STARTED = "job started";
  static final String ROWS_MARK = "rows ";

  private CrashJob() {}

  public static void main(String[] args) throws Exception {
    try (var db = Jdbc.pool(args[1], args[2], "")) {
      List<String> columns = List.of("a", "b", "payload");
      System.out.println(STARTED);
      System.out.flush();
      switch (args[0]) {
        case "export" -> {
          CheckpointedSink<Map<String, Object>> sink =
              Jdbc.<Map<String, Object>>sink(
                      db,
                      SinkSettings.insert("dst", columns, "a", "b").withBatchSize(BATCH),
                      RowBinder.ofMap())
                  .checkpointed("export");
          KeysetSource<Map<String, Object>> source =
              Jdbc.keyset(db, TableQuery.of("src", "a", "b").withPageSize(PAGE));
          slow(Checkpoints.resume(source, sink.checkpoint())).into(sink);
        }
        case "import" -> {
          CheckpointedSink<Map<String, Object>> sink =
              Jdbc.<Map<String, Object>>sink(
                      db,
                      SinkSettings.insert("imported", columns, "a", "b").withBatchSize(BATCH),
                      RowBinder.ofMap())
                  .checkpointed("import");
          slow(Checkpoints.resume(new LineFile(Path.of(args[3])), sink.checkpoint()))
              .map(p -> p.map(CrashJob::parse))
              .into(sink);
        }
        default -> throw new IllegalArgumentException("job must be export or import: " + args[0]);
      }
    }
  }

  static Map<String, Object> parse(String line) {
    String[] f = line.split(",", 3);
    return Map.of("a", Integer.valueOf(f[0]), "b", Integer.valueOf(f[1]), "payload", f[2]);
  }

  /** Pauses per row and prints {@code rows N} every {@link #BATCH} rows of this run. */
  private static <T> Pipe<T> slow(Pipe<T> pipe) {
    long[] rows = {0};
    return pipe.peek(
        x -> {
          LockSupport.parkNanos(PAUSE_NANOS);
          if (++rows[0] % BATCH == 0) {
            System.out.println(ROWS_MARK + rows[0]);
            System.out.flush();
          }
        });
  }
}
