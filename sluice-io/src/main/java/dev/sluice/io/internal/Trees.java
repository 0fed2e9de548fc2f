package dev.sluice.io.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.Row;

/**
 * The text of a row value for io's writers and rules: {@link Row#textOf}, except that a nested JSON
 * array or object is its compact JSON with decimals in plain notation, as the top-level values of a
 * JSON Lines row are ({@code 0.0000001}, not Jackson's default {@code 1E-7}).
 */
public final class Trees {
  private static final JsonMapper PLAIN =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private Trees() {}

  /** {@code value} as text; null for null. */
  public static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof JsonNode tree && tree.isContainerNode()) {
      try {
        return PLAIN.writeValueAsString(tree);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree that cannot be written", e);
      }
    }
    return Row.textOf(value);
  }

  /** The UTF-8 compact JSON of {@code tree}, decimals plain. */
  static byte[] json(JsonNode tree) throws JsonProcessingException {
    return PLAIN.writeValueAsBytes(tree);
  }
}
