package dev.sluice.jdbc;

import dev.sluice.io.RowRules;
import dev.sluice.jdbc.internal.CopyColumns;
import dev.sluice.jdbc.internal.CopyCsvRewriter;
import dev.sluice.jdbc.internal.CopyJsonWriter;
import dev.sluice.jdbc.internal.CopyRun;
import dev.sluice.jdbc.internal.KeyCodec;
import dev.sluice.jdbc.internal.TableRef;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An export of a PostgreSQL table as CSV by {@code COPY}, chunk by chunk in key order, whose bytes
 * are the bytes of the keyset row path ({@link RowMapper#toRow()} through a CSV row writer that
 * renders each value as {@code Row.textOf}, quotes per RFC 4180 and quotes empty text): the columns
 * are rendered in SQL (booleans, base64 {@code bytea}, padded {@code char(n)}, the formula guard as
 * a {@code CASE}) and by a streaming pass over {@code COPY}'s output (Java's ISO-8601 timestamps,
 * floats, CRLF record ends). {@link #plan} tells whether a table's columns can be rendered so; use
 * the row path when not.
 *
 * <p>Each chunk is {@code chunkRows} rows (the last fewer), positioned by its last key in the
 * format of {@link KeysetSource}: a chunk of this export and a page of the row path end at the same
 * row and the same position, so an interrupted export resumes on either path. The chunk's bytes
 * stream to the caller's stream as PostgreSQL sends them (nothing of a chunk is held in memory but
 * a 64 KiB buffer). For a key of one integer column, one {@code COPY} reads up to 64 chunks, each
 * committed as its last row arrives while PostgreSQL sends on. A value with no exact rendering (a
 * date outside the years 1 to 9999, {@code infinity}, time {@code 24:00}, a numeric of more than
 * 500 characters) fails its chunk with {@link NotExactException} before the chunk is committed:
 * discard the chunk's bytes and continue from the last committed position on the row path.
 * Interrupting the run cancels the running {@code COPY}.
 *
 * <pre>{@code
 * CopyExport export = CopyExport.plan(db, TableQuery.of("orders", "id"), List.of("id", "total"),
 *     new CopyExport.Style(',', '"', false, true));
 * if (export.exact()) {
 *   export.write(Optional.empty(), 50_000, out::next, (rows, position) -> save(position));
 * }
 * }</pre>
 */
public final class CopyExport {
  private final DataSource dataSource;
  private final TableQuery query;
  private final List<String> columns;
  private final Style style;
  private final CopyColumns rendering;
  private final String reason;

  /** The JSON keys of a JSON Lines export; null for CSV. */
  private final List<String> jsonNames;

  /**
   * How the CSV is written, as by the row writer it must match: ASCII field separator and quote
   * character (different, neither CR nor LF), CRLF or LF record ends, the formula guard.
   *
   * @param separator the field separator
   * @param quote the quote character
   * @param crlf whether records end with CRLF
   * @param formulaGuard whether a cell that could run as a spreadsheet formula gets a leading '
   */
  public record Style(char separator, char quote, boolean crlf, boolean formulaGuard) {
    /** Whether COPY can write this style: ASCII, printable or tab, different. */
    public boolean copyable() {
      return ascii(separator) && ascii(quote) && separator != quote;
    }

    private static boolean ascii(char c) {
      return c == '\t' || (c >= 0x20 && c < 0x7f);
    }
  }

  /** Opens the stream of the next chunk, once the chunk is known to have rows. */
  @FunctionalInterface
  public interface Opener {
    /** The stream of the next chunk's bytes. */
    OutputStream open() throws IOException;
  }

  /** Takes a chunk whose bytes are all written to the stream its {@link Opener} gave. */
  @FunctionalInterface
  public interface Committer {
    /** The chunk had {@code rows} rows; {@code position} is the position after its last. */
    void commit(long rows, String position) throws IOException;
  }

  /** A value that COPY cannot write as the row writer does; its chunk is not committed. */
  public static final class NotExactException extends JdbcException {
    private static final long serialVersionUID = 1L;

    NotExactException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private CopyExport(
      DataSource dataSource,
      TableQuery query,
      List<String> columns,
      Style style,
      CopyColumns rendering,
      String reason,
      List<String> jsonNames) {
    this.dataSource = dataSource;
    this.query = query;
    this.columns = columns;
    this.style = style;
    this.rendering = rendering;
    this.reason = reason;
    this.jsonNames = jsonNames;
  }

  /**
   * The export of {@link #plan(DataSource, TableQuery, List, Style, RowRules)} as JSON Lines, whose
   * bytes are the row path's JSON writer's for the rows the rules leave, each an object of {@code
   * names} (the columns' names after the rules, in order): integers, booleans and finite decimals
   * and floats bare, other values as strings, NULL as {@code null}.
   */
  public static CopyExport planJsonLines(
      DataSource dataSource,
      TableQuery query,
      List<String> columns,
      RowRules rules,
      List<String> names) {
    CopyExport csv = plan(dataSource, query, columns, new Style(',', '"', false, false), rules);
    if (names.size() != csv.columns.size()) {
      throw new IllegalArgumentException(
          names.size() + " names for the " + csv.columns.size() + " columns " + csv.columns);
    }
    return new CopyExport(
        csv.dataSource,
        csv.query,
        csv.columns,
        csv.style,
        csv.rendering,
        csv.reason,
        List.copyOf(names));
  }

  /**
   * The export of {@code columns} (real or matched ignoring case, in this order) of the rows of
   * {@code query} (its table, key and filter; not its page size) in {@code style}; {@link #exact}
   * says whether it can run. Borrows one connection to look at the database and the column types.
   */
  public static CopyExport plan(
      DataSource dataSource, TableQuery query, List<String> columns, Style style) {
    return plan(dataSource, query, columns, style, RowRules.none());
  }

  /**
   * {@link #plan(DataSource, TableQuery, List, Style)} of the rows as {@code rules} leaves them:
   * their masks and plain hashes of text columns are computed in SQL as the rules compute them (a
   * rule that keeps or drops rows, infers types, or hashes with a key cannot run so, nor a mask or
   * hash of a column of another type); renaming and selecting do not change the values.
   */
  public static CopyExport plan(
      DataSource dataSource, TableQuery query, List<String> columns, Style style, RowRules rules) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(style, "style");
    List<String> cols = PgCopy.exportColumns(query, columns);
    if (!style.copyable()) {
      return refused(dataSource, query, cols, style, "the CSV style " + style + " is not COPY's");
    }
    if (cols.size() == 1) {
      // the row writer quotes a lone empty or null cell, COPY writes a blank line or \. unquoted
      return refused(dataSource, query, cols, style, "a single column is written differently");
    }
    if (!PgCopy.supports(dataSource)) {
      return refused(dataSource, query, cols, style, "the database is not PostgreSQL (pgjdbc)");
    }
    if (!rules.conditions().isEmpty() || rules.infers() || rules.keyed()) {
      return refused(dataSource, query, cols, style, "the rules need the values: " + rules);
    }
    try (Connection c = dataSource.getConnection()) {
      TableRef table = TableRef.resolve(c, query.table());
      List<String> real = table.columns(cols);
      java.util.Set<String> masked = named(rules.masked(), real);
      java.util.Set<String> hashed = named(rules.hashed(), real);
      if (masked == null || hashed == null) {
        return refused(dataSource, query, cols, style, "a rule names a column not exported");
      }
      CopyColumns rendering =
          CopyColumns.of(c, table, real, style.formulaGuard(), style.quote(), masked, hashed);
      return new CopyExport(dataSource, query, real, style, rendering, rendering.reason(), null);
    } catch (SQLException e) {
      throw new JdbcException(
          "cannot look at table '" + query.table() + "' for a COPY export: " + e.getMessage(), e);
    }
  }

  /** The exported columns among {@code real} that {@code names} name, or null if one is not. */
  private static java.util.Set<String> named(List<String> names, List<String> real) {
    java.util.Set<String> found = new java.util.HashSet<>();
    for (String name : names) {
      String match = real.contains(name) ? name : null;
      for (String r : real) {
        if (match == null && r.equalsIgnoreCase(name)) {
          match = r;
        }
      }
      if (match == null) {
        return null;
      }
      found.add(match);
    }
    return found;
  }

  private static CopyExport refused(
      DataSource dataSource, TableQuery query, List<String> columns, Style style, String reason) {
    return new CopyExport(dataSource, query, columns, style, null, reason, null);
  }

  /** Whether COPY writes exactly the row path's bytes for these columns. */
  public boolean exact() {
    return reason == null;
  }

  /** Why not, if not {@link #exact}; else empty. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Whether a value could fail a chunk with {@link NotExactException} (dates, times, numerics and
   * floats are checked value by value); false when only the column types decide.
   */
  public boolean checksValues() {
    return rendering != null && rendering.checksValues();
  }

  /**
   * Writes the rows after {@code after} (from the start if empty) in chunks of {@code chunkRows}
   * rows, each to the stream {@code open} gives and then to {@code commit}, on the caller's thread;
   * returns the rows written. An empty table opens no chunk.
   *
   * @throws NotExactException if a value cannot be written exactly; the chunk it is in was opened
   *     but not committed
   * @throws IllegalStateException if not {@link #exact}
   */
  public long write(Optional<String> after, int chunkRows, Opener open, Committer commit)
      throws IOException {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(commit, "commit");
    if (!exact()) {
      throw new IllegalStateException("not an exact COPY export: " + reason);
    }
    if (chunkRows <= 0) {
      throw new IllegalArgumentException("chunkRows must be > 0, was " + chunkRows);
    }
    List<String> key = query.key();
    List<Object> position = after.map(p -> KeyCodec.decode(p, key.size())).orElse(null);
    try (CopyRun run =
        new CopyRun(
            dataSource,
            query,
            columns,
            rendering.select(),
            style.separator(),
            style.quote(),
            chunkRows)) {
      CopyCsvRewriter[] pass = {null};
      return run.stream(
          position,
          () -> {
            pass[0] =
                jsonNames != null
                    ? CopyJsonWriter.over(
                        open.open(), rendering.kinds(), rendering.shapes(), jsonNames)
                    : new CopyCsvRewriter(
                        open.open(),
                        rendering.kinds(),
                        columns,
                        style.separator(),
                        style.quote(),
                        style.crlf(),
                        style.formulaGuard());
            return pass[0];
          },
          (rows, last) -> {
            pass[0].flush();
            commit.commit(rows, KeyCodec.encode(key, last));
          });
    } catch (CopyCsvRewriter.NotExact e) {
      throw new NotExactException(e.getMessage(), e);
    } catch (SQLException e) {
      throw new JdbcException("COPY export of '" + query.table() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "CopyExport["
        + query.table()
        + " "
        + columns
        + ", "
        + (jsonNames != null ? "JSON Lines" : style)
        + "]";
  }
}
