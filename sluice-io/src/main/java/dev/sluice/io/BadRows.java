package dev.sluice.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Row;
import dev.sluice.io.internal.AtomicFileWriter;
import dev.sluice.io.internal.Trees;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A dead-letter file of the rows a run skipped: one JSON object per bad row with the input, the
 * line, the error and, when the row was read, its values ({@code {"input":"in.csv","line":7,
 * "error":"...","row":{...}}}). It is written to a temporary file as rows come and appears only
 * when {@link #commit()} is called (an empty run leaves an empty file); {@link #close()} without a
 * commit deletes it. Holds one row at a time; thread-safe, since readers report bad records from
 * their own thread.
 *
 * <pre>{@code
 * try (BadRows bad = BadRows.open(Path.of("bad.jsonl"))) {
 *   Csv.rows(input, settings, header -> {}, bad::add).into(sink);
 *   bad.commit();
 * }
 * }</pre>
 */
public final class BadRows implements AutoCloseable {
  private final Path file;
  private final AtomicFileWriter<Object> writer;
  private long count;
  private boolean done;

  private BadRows(Path file, AtomicFileWriter<Object> writer) {
    this.file = file;
    this.writer = writer;
  }

  /** Opens the dead-letter file {@code file} (its folder must exist). */
  public static BadRows open(Path file) throws Exception {
    Objects.requireNonNull(file, "file");
    return new BadRows(file, AtomicFileWriter.open(file, JsonLines::rowEncoderOfAny, true));
  }

  /** Records a bad row that has no values (a record that could not be read). */
  public void add(BadInputException bad) throws Exception {
    add(bad, null);
  }

  /** Records a bad row: the error and, if not null, the row's values. */
  public synchronized void add(BadInputException bad, Row row) throws Exception {
    Objects.requireNonNull(bad, "bad");
    if (done) {
      throw new IllegalStateException("the dead-letter file " + file + " is already closed");
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("input", bad.input());
    entry.put("line", bad.line() > 0 ? bad.line() : null);
    entry.put("error", bad.getMessage());
    if (row != null) {
      entry.put("row", tree(row));
    }
    writer.write(Row.of(entry));
    count++;
  }

  /** The row as a JSON object, typed values as they are, others as their text. */
  private static ObjectNode tree(Row row) {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < row.size(); i++) {
      String name = row.columns().name(i);
      switch (row.get(i)) {
        case null -> tree.putNull(name);
        case Boolean b -> tree.put(name, b);
        case Long n -> tree.put(name, n);
        case Integer n -> tree.put(name, n);
        case BigInteger n -> tree.put(name, n);
        case BigDecimal n -> tree.put(name, n);
        case JsonNode n -> tree.set(name, n);
        case Object v -> tree.put(name, Trees.text(v));
      }
    }
    return tree;
  }

  /** The rows recorded so far. */
  public synchronized long count() {
    return count;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** Flushes, fsyncs and renames the file into place. */
  public synchronized void commit() throws Exception {
    if (!done) {
      done = true;
      writer.commit();
    }
  }

  /** Deletes the file unless it was committed. */
  @Override
  public synchronized void close() throws IOException {
    if (!done) {
      done = true;
      try {
        writer.abort(null);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("could not delete the dead-letter file " + file, e);
      }
    }
  }
}
