package dev.sluice.jdbc.internal;

import java.util.List;

/**
 * One page read by a {@link TableRun}.
 *
 * @param rows the mapped rows
 * @param keys the key values of each row, or null if not asked for
 * @param next the key values of the last row if the page was full, else null (the last page)
 */
public record KeysetPage<T>(List<T> rows, List<List<Object>> keys, List<Object> next) {}
