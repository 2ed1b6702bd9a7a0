package io.precursor.topics.serde;

import io.precursor.topics.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a SpecificRecord as magic byte, schema id and Avro binary. */
final class WireFormatSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final SchemaRegistryClient registry;
  private final Schema schema;
  private final boolean isKey;
  private final boolean autoRegister;
  private final SpecificDatumWriter<T> writer;
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

  WireFormatSerializer(
      SchemaRegistryClient registry, Schema schema, boolean isKey, boolean autoRegister) {
    this.registry = registry;
    this.schema = schema;
    this.isKey = isKey;
    this.autoRegister = autoRegister;
    this.writer = new SpecificDatumWriter<>(schema);
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    int id = idsByTopic.computeIfAbsent(topic, this::schemaId);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot write " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }

  private int schemaId(String topic) {
    String subject = WireFormat.subject(topic, isKey);
    return autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
  }
}
