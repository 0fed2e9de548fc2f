package dev.sluice.io.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Builds records of one type from string fields, matching record components to columns by name and
 * converting each value with {@link ValueParsers}. Thread-safe once built.
 *
 * @param <R> the record type
 */
public final class RecordMapper<R extends Record> {
  private final Class<R> type;
  private final Constructor<R> constructor;
  private final RecordComponent[] components;
  private final int[] columns;

  private RecordMapper(Class<R> type, List<String> header) {
    this.type = type;
    this.components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    this.columns = new int[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      columns[i] = header.indexOf(components[i].getName());
      if (columns[i] < 0) {
        throw new IllegalArgumentException(
            "the header "
                + header
                + " has no column for "
                + type.getSimpleName()
                + "."
                + components[i].getName());
      }
      ValueParsers.check(types[i], type.getSimpleName() + "." + components[i].getName());
    }
    try {
      this.constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot use the canonical constructor of " + type.getName() + ": " + e, e);
    }
  }

  /**
   * A mapper for {@code type} over inputs with {@code header}.
   *
   * @throws IllegalArgumentException if a component has no column or an unsupported type
   */
  public static <R extends Record> RecordMapper<R> of(Class<R> type, List<String> header) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record class");
    }
    return new RecordMapper<>(type, header);
  }

  /**
   * The record for {@code fields}.
   *
   * @throws IllegalArgumentException naming the component if a value does not convert
   */
  public R map(List<String> fields) throws Exception {
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      try {
        args[i] = ValueParsers.parse(components[i].getType(), fields.get(columns[i]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "column "
                + name
                + ": cannot read '"
                + fields.get(columns[i])
                + "' as "
                + components[i].getType().getSimpleName()
                + " ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " rejected the row: " + e.getCause(), e.getCause());
    }
  }
}
