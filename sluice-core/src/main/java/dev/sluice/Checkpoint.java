package dev.sluice;

import java.util.Optional;

/**
 * Where one job's last committed position lives. A checkpointing sink writes the position together
 * with the data it commits (a JDBC sink in the batch's transaction, {@code
 * dev.sluice.jdbc.JdbcCheckpoint}; a file sink beside its temporary file, fsynced with the data); a
 * rerun {@link #load loads} it and {@link Checkpoints#resume resumes} the source after it.
 *
 * <p>Implementations are thread-safe; {@code load} reads the store each time it is called.
 */
@FunctionalInterface
public interface Checkpoint {
  /** The last committed position, or empty if the job never committed. */
  Optional<String> load() throws Exception;
}
