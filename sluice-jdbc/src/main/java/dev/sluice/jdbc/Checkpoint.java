package dev.sluice.jdbc;

import java.util.Optional;

/**
 * Where one job's last committed position lives. A checkpointing sink writes the position together
 * with the data it commits (a JDBC sink in the batch's transaction, see {@link JdbcCheckpoint}; a
 * file sink would keep it beside its temporary file and rename both); a rerun {@link #load loads}
 * it and {@link Checkpoints#resume resumes} the source after it.
 *
 * <p>Implementations are thread-safe; {@code load} reads the store each time it is called.
 */
@FunctionalInterface
public interface Checkpoint {
  /** The last committed position, or empty if the job never committed. */
  Optional<String> load() throws Exception;
}
