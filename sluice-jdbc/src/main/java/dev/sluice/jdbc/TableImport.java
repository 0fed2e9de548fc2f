package dev.sluice.jdbc;

import dev.sluice.Checkpoints;
import dev.sluice.Columns;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.io.CsvRecordBytes;
import dev.sluice.jdbc.internal.CopyFileIn;
import dev.sluice.jdbc.internal.TextValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * An exactly-once import of rows of text (the records of a CSV or JSON Lines file) into a table:
 * each value parsed to its column's type (as {@link TableInfo#typed} parses it), a batch of {@link
 * #batchSize} rows ({@link #copyBatchSize} by {@code COPY}'s bytes) one transaction that also saves
 * the source position under the import's {@link #job} in {@link
 * SinkSettings#DEFAULT_CHECKPOINT_TABLE}, so a rerun after a crash continues after the last commit
 * (nothing lost, nothing twice), and the checkpoint removed when the import completes. On
 * PostgreSQL each batch streams through {@code COPY … FROM STDIN} (an upsert through a temporary
 * stage table and {@code MERGE} or {@code INSERT … ON CONFLICT}, docs/adr/0207); elsewhere batched
 * multi-row inserts ({@link JdbcSink}). Into {@code COPY}, a value PostgreSQL reads as it would
 * read the parsed value (plain integers and decimals, real ISO dates and timestamps) is checked and
 * sent as the text it is, not parsed and rendered again.
 *
 * <p>A row whose value does not parse goes to the {@link Rejected} handler, which throws to fail
 * the import or records it to go on. A JSON object's missing keys are NULL.
 *
 * <pre>{@code
 * TableImport in = TableImport.of(db, Jdbc.describe(db, "users"), List.of("id", "email"), "/data/users.csv");
 * if (in.interrupted().isPresent()) { ... ask before resuming ... }
 * long rows = in.run(RowFile.csv(path, CsvSettings.defaults()), (row, e) -> { throw e; }, n -> {});
 * }</pre>
 */
public final class TableImport {
  /**
   * The rows per batch of a run whose records go to {@code COPY} as the file's bytes, unless {@link
   * #withBatchSize} gives one: that path holds no row in memory, and a batch costs a transaction
   * and a checkpoint, so it takes larger ones than the row path's {@value
   * SinkSettings#DEFAULT_BATCH_SIZE} (1M rows into PostgreSQL: 10 to 15 % faster than at 10,000).
   */
  public static final int DEFAULT_COPY_BATCH_SIZE = 50_000;

  private final DataSource dataSource;
  private final TableInfo table;
  private final List<String> columns;
  private final List<String> upsertKey;
  private final int batchSize;
  private final int copyBatchSize;
  private final boolean emptyIsNull;
  private final String job;

  /** Receives a row whose values do not parse to the columns' types. */
  @FunctionalInterface
  public interface Rejected {
    /** {@code row} (with its line) failed with {@code error}; throw to fail the import. */
    void reject(Row row, RuntimeException error) throws Exception;
  }

  private TableImport(
      DataSource dataSource,
      TableInfo table,
      List<String> columns,
      List<String> upsertKey,
      int batchSize,
      int copyBatchSize,
      boolean emptyIsNull,
      String job) {
    this.dataSource = dataSource;
    this.table = table;
    this.columns = columns;
    this.upsertKey = upsertKey;
    this.batchSize = batchSize;
    this.copyBatchSize = copyBatchSize;
    this.emptyIsNull = emptyIsNull;
    this.job = job;
  }

  /**
   * An import into {@code table} of rows with the fields {@code fields} (matched to its columns
   * ignoring case), from the source named {@code source} (an input file's absolute path: with the
   * table it names the checkpoint's job). Plain inserts in batches of {@value
   * SinkSettings#DEFAULT_BATCH_SIZE} ({@value #DEFAULT_COPY_BATCH_SIZE} by {@code COPY}'s bytes);
   * an empty text is NULL.
   *
   * @throws IllegalArgumentException naming the first field that is not a column of the table
   */
  public static TableImport of(
      DataSource dataSource, TableInfo table, List<String> fields, String source) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(source, "source");
    List<String> columns = new ArrayList<>(fields.size());
    for (String field : fields) {
      try {
        columns.add(table.column(field));
      } catch (JdbcException e) {
        throw new IllegalArgumentException(
            "field '"
                + field
                + "' of "
                + source
                + " is not a column of table "
                + table.name()
                + " "
                + table.columns(),
            e);
      }
    }
    return new TableImport(
        dataSource,
        table,
        List.copyOf(columns),
        List.of(),
        SinkSettings.DEFAULT_BATCH_SIZE,
        DEFAULT_COPY_BATCH_SIZE,
        true,
        job(table, source));
  }

  /**
   * This import inserting or updating rows by the unique key {@code key} (columns among the
   * fields); empty: plain inserts.
   *
   * @throws IllegalArgumentException if a key column is not among the fields
   */
  public TableImport withUpsertKey(List<String> key) {
    List<String> real = key.stream().map(table::column).toList();
    if (!columns.containsAll(real)) {
      throw new IllegalArgumentException(
          "--upsert-key " + real + " must be among the input's columns " + columns);
    }
    return new TableImport(
        dataSource, table, columns, real, batchSize, copyBatchSize, emptyIsNull, job);
  }

  /** This import with {@code rows} rows per batch and transaction, on either path. */
  public TableImport withBatchSize(int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("batch size must be > 0, was " + rows);
    }
    return new TableImport(dataSource, table, columns, upsertKey, rows, rows, emptyIsNull, job);
  }

  /** This import reading an empty text as NULL (CSV, the default) or as an empty string. */
  public TableImport withEmptyIsNull(boolean on) {
    return new TableImport(
        dataSource, table, columns, upsertKey, batchSize, copyBatchSize, on, job);
  }

  /** The table's columns the fields go to, in the fields' order. */
  public List<String> columns() {
    return columns;
  }

  /** The rows per batch of the row path. */
  public int batchSize() {
    return batchSize;
  }

  /** The rows per batch of a run by {@code COPY}'s bytes. */
  public int copyBatchSize() {
    return copyBatchSize;
  }

  /** The checkpoint's job name: the table and the source (hashed if long). */
  public String job() {
    return job;
  }

  /** The position an interrupted run of this import committed, if there is one. */
  public Optional<String> interrupted() throws java.sql.SQLException {
    return checkpoint().load();
  }

  /**
   * Imports the rows of {@code rows} after the saved position (all of them without one), calling
   * {@code counted} with each row written, and removes the checkpoint at the end; returns the rows
   * written by this run.
   */
  public long run(Resumable<Row> rows, Rejected rejected, LongConsumer counted)
      throws java.sql.SQLException {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(counted, "counted");
    JdbcCheckpoint checkpoint = checkpoint();
    CheckpointedSink<Row> sink =
        Jdbc.<Row>sink(dataSource, settings(), RowBinder.ofRow()).checkpointed(job);
    Columns sinkColumns = Columns.of(columns);
    Typing typing = new Typing(settings().copy() && PgCopy.supports(dataSource));
    long[] count = {0};
    long written =
        Checkpoints.resume(rows, checkpoint)
            .flatMap(p -> typed(p, typing, sinkColumns, rejected))
            .peek(p -> counted.accept(++count[0]))
            .into(sink);
    checkpoint.clear();
    return written;
  }

  /**
   * {@link #run(Resumable, Rejected, LongConsumer)} for the CSV file that {@code bytes} reads and
   * {@code rows} parses (the same file and settings), whose records go to PostgreSQL's {@code COPY}
   * as the bytes they are while they are the clean case (each value one PostgreSQL reads as the row
   * path would send it), so none is decoded, parsed or written again (an upsert's into its stage
   * table, merged as the row path merges it); the rest, from the first record that is not so, by
   * {@code rows}. Its checkpoints are byte offsets of {@link dev.sluice.io.RowFile}'s, and a run
   * that resumes after one of them takes the bytes again from there; a run resuming after a row
   * path's checkpoint, another database or a column of a type this path does not take go by {@code
   * rows} alone. The result and the table are those of the other run.
   */
  public long run(
      CsvRecordBytes bytes, Resumable<Row> rows, Rejected rejected, LongConsumer counted)
      throws Exception {
    Objects.requireNonNull(bytes, "bytes");
    CopyFileIn copy = null;
    Optional<String> saved = interrupted();
    if (emptyIsNull
        && settings().copy()
        && PgCopy.supports(dataSource)
        && (saved.isEmpty() || bytes.startsAfter(saved.get()))) {
      int[] types =
          columns.stream()
              .mapToInt(c -> table.types().getOrDefault(c, java.sql.Types.VARCHAR))
              .toArray();
      copy =
          CopyFileIn.of(
              dataSource,
              table.name(),
              columns,
              types,
              SinkSettings.DEFAULT_CHECKPOINT_TABLE,
              job,
              copyBatchSize,
              upsertKey);
    }
    if (copy == null) {
      return run(rows, rejected, counted);
    }
    CopyFileIn.Done done = copy.run(bytes, saved.orElse(null), counted);
    if (done.clean()) {
      checkpoint().clear();
      return done.records();
    }
    long before = done.records();
    return before + run(rows, rejected, n -> counted.accept(before + n));
  }

  private JdbcCheckpoint checkpoint() {
    return new JdbcCheckpoint(dataSource, SinkSettings.DEFAULT_CHECKPOINT_TABLE, job);
  }

  private SinkSettings settings() {
    if (!upsertKey.isEmpty()) {
      return SinkSettings.upsert(table.name(), columns, upsertKey.toArray(String[]::new))
          .withBatchSize(batchSize);
    }
    String[] key =
        columns.containsAll(table.primaryKey())
            ? table.primaryKey().toArray(String[]::new)
            : new String[0];
    return SinkSettings.insert(table.name(), columns, key).withBatchSize(batchSize);
  }

  /** The row typed and fitted to the sink's columns, or nothing if it was rejected. */
  private Pipe<Positioned<Row>> typed(
      Positioned<Row> positioned, Typing typing, Columns sink, Rejected rejected) throws Exception {
    Row row = positioned.item();
    Row typed;
    try {
      typed = typing.typed(row, sink);
    } catch (IllegalArgumentException | JdbcException e) {
      rejected.reject(row, e);
      return Pipe.empty();
    }
    return Pipe.of(new Positioned<>(typed, positioned.position()));
  }

  /**
   * {@link TableInfo#typed} and the fit to the sink's columns (a JSON object's missing keys are
   * NULL) in one pass, with the names, types and places worked out once per input {@link Columns}
   * (rows of one file share one) rather than per value. Confined to the run's thread.
   */
  private final class Typing {
    private final boolean copyText;
    private Columns input;
    private int[] types;
    private int[] places;
    private String[] names;

    /**
     * {@code copyText}: the rows go to PostgreSQL's {@code COPY}, so a value that it reads as
     * {@link TableInfo#typed} would type it ({@link TextValues#passesThrough}) is kept as text.
     */
    Typing(boolean copyText) {
      this.copyText = copyText;
    }

    Row typed(Row row, Columns sink) {
      if (row.columns() != input) {
        learn(row.columns(), sink);
      }
      Object[] values = new Object[sink.size()];
      for (int i = 0, n = row.size(); i < n; i++) {
        Object value = row.get(i);
        if (value == null) {
          continue;
        }
        try {
          values[places[i]] = value(value, types[i]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("column " + names[i] + ": " + e.getMessage(), e);
        }
      }
      return new dev.sluice.internal.ArrayRow(sink, values, row.line());
    }

    private void learn(Columns columns, Columns sink) {
      int n = columns.size();
      int[] t = new int[n];
      int[] p = new int[n];
      String[] real = new String[n];
      for (int i = 0; i < n; i++) {
        String field = columns.name(i);
        try {
          real[i] = table.column(field);
        } catch (JdbcException e) {
          throw new JdbcException(
              "field '"
                  + field
                  + "' is not a column of table "
                  + table.name()
                  + " "
                  + table.columns());
        }
        t[i] = table.types().getOrDefault(real[i], java.sql.Types.VARCHAR);
        p[i] = sink.find(real[i]);
        if (p[i] < 0) {
          throw new JdbcException(
              "field '" + field + "' is not among the columns " + sink.names() + " of this import");
        }
      }
      input = columns;
      types = t;
      places = p;
      names = real;
    }

    /** As {@link TableInfo#valueOf}. */
    private Object value(Object value, int type) {
      if (value instanceof Boolean b
          && (type == java.sql.Types.BOOLEAN || type == java.sql.Types.BIT)) {
        return b;
      }
      String text = Row.textOf(value);
      if (copyText && !text.isEmpty() && TextValues.passesThrough(text, type)) {
        return text;
      }
      return emptyIsNull ? TextValues.parse(text, type) : TextValues.parseKeepingEmpty(text, type);
    }
  }

  private static String job(TableInfo table, String source) {
    String job = "import " + table.name() + " " + source;
    if (job.length() <= 200) {
      return job;
    }
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(job.getBytes(StandardCharsets.UTF_8));
      return "import " + table.name() + " " + HexFormat.of().formatHex(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "TableImport[" + job + ", columns " + columns + ", batch " + batchSize + "]";
  }
}
