package dev.sluice.jdbc;

import dev.sluice.Sink;
import dev.sluice.jdbc.internal.BatchWriter;
import javax.sql.DataSource;

/**
 * A sink that writes rows to a table in batches of {@link SinkSettings#batchSize}, one transaction
 * per batch. Made by {@link Jdbc#sink}; a recipe: each run borrows one connection (returned when
 * the run ends in any way) and checks the names against the database.
 *
 * <p>Each full batch is committed as it fills, the last partial one when the run succeeds. A batch
 * that fails is rolled back and fails the run with a {@link JdbcException} that names the table,
 * the batch number, its rows and its first row's key; earlier batches stay committed. A failing or
 * cancelled run discards the rows of its unfinished batch. So the sink is not all-or-nothing for a
 * whole run: make it {@linkplain #checkpointed checkpointed} to resume after the last commit, or
 * idempotent with {@link SinkSettings.Mode#UPSERT}.
 *
 * <pre>{@code
 * Jdbc.keyset(source, TableQuery.of("users", "id")).rows()
 *     .into(Jdbc.sink(target, SinkSettings.upsert("users", List.of("id", "email"), "id"),
 *         RowBinder.ofMap()));
 * }</pre>
 *
 * @param <T> the element type
 */
public final class JdbcSink<T> implements Sink<T> {
  private final DataSource dataSource;
  private final SinkSettings settings;
  private final RowBinder<? super T> binder;

  JdbcSink(DataSource dataSource, SinkSettings settings, RowBinder<? super T> binder) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.binder = binder;
  }

  @Override
  public Writer<T> open() throws Exception {
    BatchWriter<T> batches = BatchWriter.open(dataSource, settings, binder, null);
    return new Writer<>() {
      @Override
      public void write(T item) throws Exception {
        batches.add(item, null);
      }

      @Override
      public void commit() throws Exception {
        batches.commit();
      }

      @Override
      public void abort(Throwable cause) throws Exception {
        batches.abort();
      }
    };
  }

  /**
   * This sink for positioned elements, saving the position of each batch's last element under
   * {@code job} in {@link SinkSettings#checkpointTable}, in the batch's own transaction.
   */
  public CheckpointedSink<T> checkpointed(String job) {
    return new CheckpointedSink<>(
        dataSource,
        settings,
        binder,
        new JdbcCheckpoint(dataSource, settings.checkpointTable(), job));
  }

  /** The settings this sink writes with. */
  public SinkSettings settings() {
    return settings;
  }
}
