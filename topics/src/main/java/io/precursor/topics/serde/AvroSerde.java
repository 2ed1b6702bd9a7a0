package io.precursor.topics.serde;

import io.precursor.topics.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes of Avro SpecificRecords on the Confluent wire format, subjects by topic name. */
public final class AvroSerde {

  private AvroSerde() {}

  /**
   * A serde for record values of {@code type}: subject {@code <topic>-value}, the schema registered
   * on first use when {@code autoRegister}.
   */
  public static <T extends SpecificRecord> Serde<T> forValues(
      Class<T> type, SchemaRegistryClient registry, boolean autoRegister) {
    var schema = SpecificData.get().getSchema(type);
    return Serdes.serdeFrom(
        new WireFormatSerializer<T>(registry, schema, false, autoRegister),
        new WireFormatDeserializer<>(registry, type));
  }
}
