package dev.sluice.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a JDBC source reads and how: an immutable settings record, built with {@link #of} and the
 * {@code with…} methods; {@code toString} lists every value.
 *
 * <p>{@code table}, {@code key} and {@code columns} come from the caller but are checked against
 * the database's metadata and quoted before they reach SQL; a name that is not a column of the
 * table fails the run before any query, naming it. {@code where} is SQL text the caller writes
 * (trusted, like the query of a {@code PreparedStatement}) whose {@code ?} take {@code params} as
 * bound values.
 *
 * <pre>{@code
 * TableQuery.of("orders", "customer_id", "order_id")
 *     .withColumns("customer_id", "order_id", "total")
 *     .withWhere("status = ?", "open")
 *     .withPageSize(5_000);
 * }</pre>
 *
 * @param table the table name
 * @param key the columns of a unique, non-null key, most significant first; the sort order
 * @param columns the columns to read (the key columns are added if missing); empty for all
 * @param where an optional filter, SQL text with {@code ?} placeholders; empty for none
 * @param params the values bound to the placeholders of {@code where}, in order
 * @param pageSize rows per page of the keyset and offset sources ({@value #DEFAULT_PAGE_SIZE})
 * @param fetchSize rows the cursor source asks the driver for at a time ({@value
 *     #DEFAULT_FETCH_SIZE})
 * @param queryTimeout the longest one query (or one page of a {@code COPY} export that streams
 *     several pages in one statement) may run before it is cancelled; zero for no limit
 * @param cancelCheck how often a running query looks whether its run was interrupted ({@code
 *     DEFAULT_CANCEL_CHECK})
 * @param connectionPerRun whether a run holds one connection throughout rather than borrowing one
 *     per page
 */
public record TableQuery(
    String table,
    List<String> key,
    List<String> columns,
    String where,
    List<Object> params,
    int pageSize,
    int fetchSize,
    Duration queryTimeout,
    Duration cancelCheck,
    boolean connectionPerRun) {
  /** The default {@link #pageSize}. */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  /** The default {@link #fetchSize}. */
  public static final int DEFAULT_FETCH_SIZE = 1000;

  /** The default {@link #cancelCheck}. */
  public static final Duration DEFAULT_CANCEL_CHECK = Duration.ofMillis(50);

  /** Checks every value; the lists are copied. */
  public TableQuery {
    Objects.requireNonNull(table, "table");
    key = List.copyOf(Objects.requireNonNull(key, "key"));
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    Objects.requireNonNull(where, "where");
    params =
        Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(params, "params")));
    positive(pageSize, "pageSize");
    positive(fetchSize, "fetchSize");
    if (queryTimeout.isNegative()) {
      throw new IllegalArgumentException("queryTimeout must be >= 0, was " + queryTimeout);
    }
    if (cancelCheck.isNegative() || cancelCheck.isZero()) {
      throw new IllegalArgumentException("cancelCheck must be > 0, was " + cancelCheck);
    }
  }

  /** Every column of {@code table}, ordered by {@code key}, with the defaults. */
  public static TableQuery of(String table, String... key) {
    return new TableQuery(
        table,
        List.of(key),
        List.of(),
        "",
        List.of(),
        DEFAULT_PAGE_SIZE,
        DEFAULT_FETCH_SIZE,
        Duration.ZERO,
        DEFAULT_CANCEL_CHECK,
        false);
  }

  /** These settings reading only {@code columns} (plus the key). */
  public TableQuery withColumns(String... columns) {
    return new TableQuery(
        table,
        key,
        List.of(columns),
        where,
        params,
        pageSize,
        fetchSize,
        queryTimeout,
        cancelCheck,
        connectionPerRun);
  }

  /** These settings with a filter whose {@code ?} take {@code params}. */
  public TableQuery withWhere(String where, Object... params) {
    return new TableQuery(
        table,
        key,
        columns,
        where,
        Arrays.asList(params),
        pageSize,
        fetchSize,
        queryTimeout,
        cancelCheck,
        connectionPerRun);
  }

  /** These settings with another {@link #pageSize}. */
  public TableQuery withPageSize(int pageSize) {
    return new TableQuery(
        table,
        key,
        columns,
        where,
        params,
        pageSize,
        fetchSize,
        queryTimeout,
        cancelCheck,
        connectionPerRun);
  }

  /** These settings with another {@link #fetchSize}. */
  public TableQuery withFetchSize(int fetchSize) {
    return new TableQuery(
        table,
        key,
        columns,
        where,
        params,
        pageSize,
        fetchSize,
        queryTimeout,
        cancelCheck,
        connectionPerRun);
  }

  /** These settings with another {@link #queryTimeout}. */
  public TableQuery withQueryTimeout(Duration queryTimeout) {
    return new TableQuery(
        table,
        key,
        columns,
        where,
        params,
        pageSize,
        fetchSize,
        queryTimeout,
        cancelCheck,
        connectionPerRun);
  }

  /** These settings with another {@link #cancelCheck}. */
  public TableQuery withCancelCheck(Duration cancelCheck) {
    return new TableQuery(
        table,
        key,
        columns,
        where,
        params,
        pageSize,
        fetchSize,
        queryTimeout,
        cancelCheck,
        connectionPerRun);
  }

  /** These settings with another {@link #connectionPerRun}. */
  public TableQuery withConnectionPerRun(boolean connectionPerRun) {
    return new TableQuery(
        table,
        key,
        columns,
        where,
        params,
        pageSize,
        fetchSize,
        queryTimeout,
        cancelCheck,
        connectionPerRun);
  }

  private static void positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
