package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.JdbcException;
import dev.sluice.jdbc.RowMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** {@link RowMapper#toRecord}: a row as a record, component by column name. */
public final class RecordRowMapper<R extends Record> implements RowMapper<R> {
  private final Class<R> type;
  private final RecordComponent[] components;
  private final Class<?>[] boxed;
  private final Constructor<R> constructor;

  public RecordRowMapper(Class<R> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException("type must be a record class, was " + type.getName());
    }
    this.type = type;
    this.components = type.getRecordComponents();
    this.boxed = Arrays.stream(components).map(c -> Types.boxed(c.getType())).toArray(Class[]::new);
    try {
      this.constructor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
      constructor.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("cannot use the constructor of " + type.getName(), e);
    }
  }

  @Override
  public R map(ResultSet row) throws SQLException {
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      int column;
      try {
        column = row.findColumn(name);
      } catch (SQLException e) {
        throw new JdbcException(
            "record "
                + type.getSimpleName()
                + " has component '"
                + name
                + "' but the query has"
                + " no such column",
            e);
      }
      args[i] = row.getObject(column, boxed[i]);
      if (args[i] == null && components[i].getType().isPrimitive()) {
        throw new JdbcException(
            "column '"
                + name
                + "' is null but component "
                + type.getSimpleName()
                + "."
                + name
                + " is a primitive "
                + components[i].getType());
      }
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new JdbcException("the constructor of " + type.getName() + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new JdbcException("cannot construct " + type.getName(), e);
    }
  }
}
