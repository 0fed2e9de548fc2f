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
 * ({@code 1e5} as {@code 100000}), unless its plain form would be longer than {@value
 * #MAX_PLAIN_DIGITS} digits.
 */
final class JsonText {
  /** Writes trees with decimals in plain notation; for nested values and JSON Lines output. */
  static final ObjectMapper WRITER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private JsonText() {}

  /**
   * The longest plain form a decimal is written in; a number whose plain digits would be longer (an
   * 18-byte {@code 1e999999999} is a billion digits) keeps its exponent instead.
   */
  static final int MAX_PLAIN_DIGITS = 1000;

  /** {@code d} in plain notation, or with an exponent when that would exceed the limit. */
  static String decimal(java.math.BigDecimal d) {
    long plainDigits = (long) d.precision() + Math.abs((long) d.scale());
    return plainDigits <= MAX_PLAIN_DIGITS ? d.toPlainString() : d.toString();
  }

  /** The CSV cell of a JSON value: null for a JSON null or a missing key, else {@link #of}. */
  static String cell(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode() ? null : of(value);
  }

  static String of(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBigDecimal()) {
      return decimal(value.decimalValue());
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
