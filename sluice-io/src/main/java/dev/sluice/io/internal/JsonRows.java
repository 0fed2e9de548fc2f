package dev.sluice.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Columns;
import dev.sluice.Row;
import dev.sluice.internal.ArrayRow;
import dev.sluice.io.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes {@link Row}s of JSON Lines objects: keys in the object's order; strings, booleans, integers
 * ({@code Long}, or {@code BigInteger} past its range), decimals ({@code BigDecimal}) and null as
 * such; a nested array or object stays a {@link JsonNode}. Consecutive objects with the same keys
 * in the same order share one {@link Columns}. One per run; not thread-safe.
 */
public final class JsonRows {
  private final String input;
  private Columns last = Columns.of();

  /** Rows of the objects of {@code input} (its name, for errors). */
  public JsonRows(String input) {
    this.input = input;
  }

  /** The row of {@code node}, read from {@code line}; anything but an object is bad input. */
  public Row row(JsonNode node, long line) {
    if (!(node instanceof ObjectNode object)) {
      throw new BadInputException(
          input, line, "a JSON " + node.getNodeType() + ", not an object", null, null);
    }
    int n = object.size();
    Object[] values = new Object[n];
    boolean same = last.size() == n;
    int i = 0;
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      same = same && last.name(i).equals(field.getKey());
      values[i++] = value(field.getValue());
    }
    if (!same) {
      List<String> names = new ArrayList<>(n);
      object.fieldNames().forEachRemaining(names::add);
      last = Columns.of(names);
    }
    return new ArrayRow(last, values, line);
  }

  private static Object value(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> v.textValue();
      case BOOLEAN -> v.booleanValue();
      case NULL, MISSING -> null;
      case NUMBER ->
          v.isIntegralNumber()
              ? (v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue())
              : v.decimalValue();
      default -> v; // ARRAY, OBJECT; BINARY and POJO do not come from parsing text
    };
  }
}
