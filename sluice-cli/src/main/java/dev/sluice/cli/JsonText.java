package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The CSV text of a JSON value: strings as they are, null empty, everything else as JSON. Decimal
 * numbers are read as {@code BigDecimal}s, which keep every digit and the scale, and written in
 * plain notation, so a number written without an exponent ({@code 0.0000001}, {@code 2.50}) comes
 * out exactly as it went in; one with an exponent comes out as the same value in plain digits
 * ({@code 1e5} as {@code 100000}).
 */
final class JsonText {
  /** Writes trees with decimals in plain notation; for nested values and JSON Lines output. */
  static final ObjectMapper WRITER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private JsonText() {}

  static String of(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isContainerNode()) {
      try {
        return WRITER.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree that cannot be written", e);
      }
    }
    return value.toString();
  }
}
