package io.precursor.topics.serde;

import io.precursor.topics.registry.SchemaRegistryClient;
import io.precursor.topics.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a SpecificRecord, resolving the writer's schema (looked up
 * by id) against the reader's generated class, so older and newer producers both decode.
 */
final class WireFormatDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final SchemaRegistryClient registry;
  private final Class<T> type;
  private final Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

  WireFormatDeserializer(SchemaRegistryClient registry, Class<T> type) {
    this.registry = registry;
    this.type = type;
    this.readerSchema = SpecificData.get().getSchema(type);
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length < WireFormat.HEADER_SIZE) {
      throw new SerializationException(
          "record on " + topic + " is " + bytes.length + " bytes, shorter than the 5-byte header");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte magic = buffer.get();
    if (magic != WireFormat.MAGIC_BYTE) {
      throw new SerializationException(
          "record on " + topic + " starts with byte " + magic + ", not the wire-format magic 0");
    }
    int id = buffer.getInt();
    SpecificDatumReader<T> reader;
    try {
      reader = readersByWriterId.computeIfAbsent(id, this::readerFor);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "cannot decode record on " + topic + " with schema id " + id + ": " + e.getMessage(), e);
    }
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "record on "
              + topic
              + " with schema id "
              + id
              + " is not valid "
              + type.getSimpleName()
              + " Avro: "
              + e,
          e);
    }
  }

  private SpecificDatumReader<T> readerFor(int writerId) {
    Schema writerSchema = registry.schemaById(writerId);
    return new SpecificDatumReader<>(writerSchema, readerSchema);
  }
}
