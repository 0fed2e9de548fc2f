package dev.sluice.jdbc;

import dev.sluice.Checkpoints;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Sink;
import dev.sluice.jdbc.internal.BatchWriter;
import javax.sql.DataSource;

/**
 * A {@link JdbcSink} for the elements of a {@link Resumable} source: with each batch it saves the
 * position of the batch's last element in the same transaction, so data and position commit
 * together or not at all. Rerunning {@code Checkpoints.resume(source,
 * sink.checkpoint()).into(sink)} after a crash at any moment continues after the last commit:
 * nothing lost, nothing twice.
 *
 * <pre>{@code
 * var sink = Jdbc.sink(target, SinkSettings.insert("copy", columns, "id"), RowBinder.ofMap())
 *     .checkpointed("copy-users");
 * Checkpoints.resume(Jdbc.keyset(source, TableQuery.of("users", "id")), sink.checkpoint())
 *     .into(sink);
 * }</pre>
 *
 * @param <T> the element type
 */
public final class CheckpointedSink<T> implements Sink<Positioned<T>> {
  private final DataSource dataSource;
  private final SinkSettings settings;
  private final RowBinder<? super T> binder;
  private final JdbcCheckpoint checkpoint;

  CheckpointedSink(
      DataSource dataSource,
      SinkSettings settings,
      RowBinder<? super T> binder,
      JdbcCheckpoint checkpoint) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.binder = binder;
    this.checkpoint = checkpoint;
  }

  /** Where this sink saves its position; pass it to {@link Checkpoints#resume}. */
  public JdbcCheckpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public Writer<Positioned<T>> open() throws Exception {
    BatchWriter<T> batches = BatchWriter.open(dataSource, settings, binder, checkpoint.table());
    return new Writer<>() {
      @Override
      public void write(Positioned<T> item) throws Exception {
        batches.add(item.item(), item.position());
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
}
