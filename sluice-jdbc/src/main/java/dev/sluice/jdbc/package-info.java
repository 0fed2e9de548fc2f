/**
 * Sluice JDBC: read tables page by page and write them batch by batch, on plain JDBC.
 *
 * <h2>Sources</h2>
 *
 * <ul>
 *   <li>{@link dev.sluice.jdbc.Jdbc#keyset Keyset}: {@code WHERE key > last ORDER BY key LIMIT n};
 *       every page costs the same, a connection is borrowed per page, and the position (the last
 *       key) makes it {@link dev.sluice.Resumable resumable}. The default choice.
 *   <li>{@link dev.sluice.jdbc.Jdbc#offset Offset}: {@code LIMIT n OFFSET m}; each page rereads all
 *       earlier rows. For comparison only.
 *   <li>{@link dev.sluice.jdbc.Jdbc#cursor Cursor}: one streamed query in one transaction; the
 *       fastest through JDBC, but it holds a connection and a snapshot for the whole run and cannot
 *       resume.
 *   <li>{@link dev.sluice.jdbc.PgCopy#chunks COPY chunks} (PostgreSQL): keyset-bounded {@code COPY
 *       … TO STDOUT} chunks of CSV bytes, resumable like keyset, at close to {@code COPY}'s speed.
 *   <li>{@link dev.sluice.jdbc.CopyExport} (PostgreSQL): the same chunks streamed, with the bytes a
 *       CSV row writer writes for the keyset rows (docs/adr/0203), or the reason it cannot.
 * </ul>
 *
 * <p>The key of keyset, offset and COPY sources must be a NOT NULL unique key: the primary key, or
 * columns covered by a unique index or constraint ({@link dev.sluice.jdbc.TableInfo#uniqueKeys});
 * any other is refused when the run starts, and every run checks that each row's key is greater
 * than the one before. Temporal values carry no JVM time zone: {@code timestamptz} reads as an
 * {@link java.time.OffsetDateTime} in UTC, {@code timestamp}, {@code date} and {@code time} as
 * {@code java.time} local types. {@link dev.sluice.jdbc.PoolSettings} bound every wait on the
 * network (docs/adr/0202-keys-time-and-copy.md).
 *
 * <h2>Sinks and checkpoints</h2>
 *
 * <p>A {@link dev.sluice.jdbc.JdbcSink} commits each batch in its own transaction (on PostgreSQL
 * written with {@code COPY … FROM STDIN}, see {@link dev.sluice.jdbc.SinkSettings#copy}); a {@link
 * dev.sluice.jdbc.CheckpointedSink} also saves the source's position in that transaction, so {@link
 * dev.sluice.Checkpoints#resume} continues after the last commit when a job is rerun after a crash.
 * {@link dev.sluice.jdbc.TableImport} puts both together for rows of text (a file's records): typed
 * to the columns, upserted or inserted, exactly once across reruns.
 *
 * <h2>Contract</h2>
 *
 * <p>Table and column names from the caller are checked against {@link java.sql.DatabaseMetaData}
 * and quoted; values are always bound parameters. Every connection a run borrows is returned on
 * every way out of the run. Interrupting the run's thread cancels a running statement through
 * {@link java.sql.Statement#cancel()}: each run that executes a statement has one watcher virtual
 * thread, joined before the run ends. Database failures reach the caller as one {@link
 * dev.sluice.jdbc.JdbcException} naming the table and page or batch; a cancelled run ends with
 * {@link dev.sluice.PipeCancelledException}.
 */
package dev.sluice.jdbc;
