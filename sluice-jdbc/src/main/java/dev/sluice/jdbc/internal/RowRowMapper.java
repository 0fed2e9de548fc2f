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
  /** The shape of the last result set's rows. Racy but safe: immutable. */
  private volatile Shape last = new Shape(null, Columns.of(), new int[0]);

  /** The labels and {@link ColumnValues#kind}s of a result set's columns. */
  private record Shape(ResultSetMetaData meta, Columns columns, int[] kinds) {}

  @Override
  public Row map(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Shape shape = last;
    if (shape.meta != meta) { // a result set's metadata is one object (pgjdbc, H2): once a query
      shape = shape(meta, shape.columns);
      last = shape;
    }
    int[] kinds = shape.kinds;
    Object[] values = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      values[i] = detached(ColumnValues.read(rs, kinds[i], i + 1));
    }
    return new ArrayRow(shape.columns, values, -1);
  }

  /** The shape of {@code meta}, sharing {@code columns} if the labels are the same. */
  private static Shape shape(ResultSetMetaData meta, Columns columns) throws SQLException {
    int count = meta.getColumnCount();
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
    }
    return new Shape(meta, columns, ColumnValues.kinds(meta));
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
