package io.precursor.streams;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * JSON serde for the topology's own state (windows, episodes, incident state): internal to this
 * stage, so it needs no registry, and unknown fields are ignored so state survives upgrades.
 */
final class InternalSerde {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          // The aggregates are plain classes with private fields and domain-named accessors.
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

  private InternalSerde() {}

  static <T> Serde<T> json(Class<T> type) {
    return Serdes.serdeFrom(
        (topic, value) -> {
          try {
            return value == null ? null : JSON.writeValueAsBytes(value);
          } catch (IOException e) {
            throw new SerializationException(
                "cannot write " + type.getSimpleName() + ": " + e.getMessage(), e);
          }
        },
        (topic, bytes) -> {
          try {
            return bytes == null ? null : JSON.readValue(bytes, type);
          } catch (IOException e) {
            throw new SerializationException(
                "cannot read "
                    + type.getSimpleName()
                    + " state from "
                    + topic
                    + ": "
                    + e.getMessage(),
                e);
          }
        });
  }
}
