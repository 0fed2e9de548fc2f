package dev.sluice.cli;

import dev.sluice.jdbc.TableInfo;
import dev.sluice.jdbc.TableQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TableQuery} of {@code export}: the key (given, else the primary key; refused unless it
 * is a NOT NULL unique key, see {@link TableInfo#requireKeysetKey}) and the {@code --filter
 * COL=VALUE} conditions, with column names checked against the table and quoted, and each value
 * parsed to its column's type and bound.
 */
final class TableFilter {
  private TableFilter() {}

  static TableQuery query(TableInfo info, List<String> key, List<String> filters) {
    List<String> realKey = key.stream().map(info::column).toList();
    if (realKey.isEmpty()) {
      realKey = info.primaryKey();
    }
    if (realKey.isEmpty()) {
      throw new UsageException(
          "table " + info.name() + " has no primary key; name a unique key with --key COL[,COL]");
    }
    try {
      info.requireKeysetKey(realKey);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          e.getMessage() + (key.isEmpty() ? "" : "; name another unique key with --key COL[,COL]"));
    }
    List<String> terms = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (String filter : filters) {
      int eq = filter.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--filter needs COL=VALUE, was " + filter);
      }
      String column = info.column(filter.substring(0, eq));
      String value = filter.substring(eq + 1);
      if (value.isEmpty()) {
        terms.add(info.quoted().get(column) + " IS NULL");
        continue;
      }
      try {
        params.add(info.valueOf(column, value, true));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--filter " + filter + ": " + e.getMessage());
      }
      terms.add(info.quoted().get(column) + " = ?");
    }
    return TableQuery.of(info.name(), realKey.toArray(String[]::new))
        .withWhere(String.join(" AND ", terms), params.toArray());
  }
}
