package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The CSV text of a JSON value: strings as they are, null empty, everything else as JSON. */
final class JsonText {
  private JsonText() {}

  static String of(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return value.toString();
  }
}
