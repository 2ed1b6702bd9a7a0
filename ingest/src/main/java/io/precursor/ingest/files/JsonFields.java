package io.precursor.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads the fields of AWS CLI output items, saying which field is wrong when one is. */
final class JsonFields {

  private JsonFields() {}

  static String text(JsonNode item, String field) throws UnreadableItem {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      throw new UnreadableItem("it has no " + field);
    }
    if (!value.isTextual()) {
      throw new UnreadableItem(field + " is not a string: " + value);
    }
    return value.asText();
  }

  static String optionalText(JsonNode item, String field) throws UnreadableItem {
    JsonNode value = item.get(field);
    return value == null || value.isNull() ? null : text(item, field);
  }

  /**
   * A timestamp as AWS CLI prints it: ISO 8601 with an offset (v2, {@code
   * 2026-11-17T09:47:00+00:00}) or {@code Z}, or epoch seconds (v1, {@code 1794908820.123}).
   */
  static Instant instantField(JsonNode item, String field) throws UnreadableItem {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      throw new UnreadableItem("it has no " + field);
    }
    return instantValue(value, field);
  }

  static Instant instantValue(JsonNode value, String field) throws UnreadableItem {
    if (value.isNumber()) {
      try {
        BigDecimal millis = value.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
      } catch (ArithmeticException | NumberFormatException tooLarge) { // 1e300, NaN, Infinity
        throw new UnreadableItem(field + " is not a timestamp: " + value);
      }
    }
    String text = value.asText();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException notOffset) {
      try {
        return Instant.parse(text);
      } catch (DateTimeException notInstant) {
        throw new UnreadableItem(field + " is not a timestamp: " + value);
      }
    }
  }
}
