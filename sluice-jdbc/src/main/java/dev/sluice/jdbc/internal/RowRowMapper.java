package dev.sluice.jdbc.internal;

import dev.sluice.Columns;
import dev.sluice.Row;
import dev.sluice.internal.ArrayRow;
import dev.sluice.jdbc.RowMapper;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RowMapper#toRow()}: a result-set row as a {@link Row} under the column labels, temporal
 * values read as {@link ColumnValues} does, large objects read into values ({@code Clob} and {@code
 * SQLXML} as text, {@code Blob} as bytes) so that a row outlives its result set. Consecutive rows
 * with the same labels share one {@link Columns}.
 */
public final class RowRowMapper implements RowMapper<Row> {
  /** The columns of the last row; rows of one query reuse them. Racy but safe: immutable. */
  private volatile Columns last = Columns.of();

  @Override
  public Row map(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    Columns columns = last;
    boolean same = columns.size() == count;
    for (int i = 0; same && i < count; i++) {
      same = columns.name(i).equals(meta.getColumnLabel(i + 1));
    }
    if (!same) {
      List<String> names = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        names.add(meta.getColumnLabel(i));
      }
      columns = Columns.of(names);
      last = columns;
    }
    Object[] values = new Object[count];
    for (int i = 1; i <= count; i++) {
      values[i - 1] = detached(ColumnValues.read(rs, meta, i));
    }
    return new ArrayRow(columns, values, -1);
  }

  private static Object detached(Object value) throws SQLException {
    return switch (value) {
      case Clob c -> c.getSubString(1, Math.toIntExact(c.length()));
      case Blob b -> b.getBytes(1, Math.toIntExact(b.length()));
      case SQLXML x -> x.getString();
      case null, default -> value;
    };
  }
}
