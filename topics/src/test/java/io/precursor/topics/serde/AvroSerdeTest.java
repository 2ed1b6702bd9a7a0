package io.precursor.topics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import io.precursor.topics.registry.MockSchemaRegistry;
import io.precursor.topics.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private static final String TOPIC = "precursor.metrics";
  private final String scope = "serde-test-" + System.nanoTime();
  private final MockSchemaRegistry registry = MockSchemaRegistry.scope(scope);

  @AfterEach
  void forget() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void shouldRoundTripARecord() {
    var serde = AvroSerde.forValues(MetricSample.class, registry, true);
    MetricSample sample = freeableMemory();

    byte[] bytes = serde.serializer().serialize(TOPIC, sample);

    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(sample);
  }

  @Test
  void shouldWriteMagicByteSchemaIdAndAvroBinary() throws Exception {
    var serde = AvroSerde.forValues(MetricSample.class, registry, true);
    MetricSample sample = freeableMemory();

    byte[] bytes = serde.serializer().serialize(TOPIC, sample);

    int id = registry.idOf(TOPIC + "-value", MetricSample.getClassSchema());
    ByteArrayOutputStream avro = new ByteArrayOutputStream();
    var encoder = EncoderFactory.get().binaryEncoder(avro, null);
    new SpecificDatumWriter<>(MetricSample.class).write(sample, encoder);
    encoder.flush();
    byte[] expected =
        ByteBuffer.allocate(5 + avro.size())
            .put((byte) 0)
            .putInt(id)
            .put(avro.toByteArray())
            .array();
    assertThat(bytes).isEqualTo(expected);
    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, id);
  }

  @Test
  void shouldRegisterUnderTheTopicNameStrategySubject() {
    var serde = AvroSerde.forValues(MetricSample.class, registry, true);

    serde.serializer().serialize("replay-42.metrics", freeableMemory());

    assertThat(registry.idOf("replay-42.metrics-value", MetricSample.getClassSchema()))
        .isPositive();
  }

  @Test
  void shouldRefuseToWriteWhenAutoRegisterIsOffAndTheSchemaIsUnknown() {
    var serde = AvroSerde.forValues(MetricSample.class, registry, false);

    assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, freeableMemory()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("precursor.metrics-value");
  }

  @Test
  void shouldNameTheUnknownSchemaId() {
    var serde = AvroSerde.forValues(MetricSample.class, registry, true);
    byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(987_654).put((byte) 2).array();

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 987654")
        .hasMessageContaining(TOPIC);
  }

  @Test
  void shouldRefuseBytesWithoutTheWireFormatHeader() {
    var deserializer = AvroSerde.forValues(MetricSample.class, registry, true).deserializer();

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("shorter than the 5-byte header");
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, "{\"json\":1}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not the wire-format magic 0");
  }

  @Test
  void shouldReportTruncatedAvroAsInvalid() {
    var serde = AvroSerde.forValues(MetricSample.class, registry, true);
    byte[] bytes = serde.serializer().serialize(TOPIC, freeableMemory());

    byte[] truncated = Arrays.copyOf(bytes, 12);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not valid MetricSample Avro");
  }

  @Test
  void shouldReadRecordsWrittenWithAnOlderSchema() throws Exception {
    // A producer still on a schema without the fields added later (statistic, periodSeconds).
    Schema older =
        new Schema.Parser()
            .parse(
                """
                {"type":"record","name":"MetricSample","namespace":"io.precursor.schemas","fields":[
                  {"name":"instance","type":"string"},
                  {"name":"cluster","type":["null","string"],"default":null},
                  {"name":"scope","type":{"type":"enum","name":"MetricScope","symbols":["INSTANCE","CLUSTER"]}},
                  {"name":"metric","type":"string"},
                  {"name":"time","type":{"type":"long","logicalType":"timestamp-millis"}},
                  {"name":"value","type":"double"}]}
                """);
    int olderId = registry.register(TOPIC + "-value", older);
    GenericRecord old = new GenericData.Record(older);
    old.put("instance", "ads-prod-1");
    old.put("cluster", null);
    old.put("scope", new GenericData.EnumSymbol(older.getField("scope").schema(), "INSTANCE"));
    old.put("metric", "CPUUtilization");
    old.put("time", 1_794_906_720_000L);
    old.put("value", 91.5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.writeBytes(ByteBuffer.allocate(4).putInt(olderId).array());
    var encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(older).write(old, encoder);
    encoder.flush();

    MetricSample read =
        AvroSerde.forValues(MetricSample.class, registry, true)
            .deserializer()
            .deserialize(TOPIC, out.toByteArray());

    assertThat(read.getMetric()).isEqualTo("CPUUtilization");
    assertThat(read.getValue()).isEqualTo(91.5);
    assertThat(read.getStatistic()).isEqualTo("Average");
    assertThat(read.getPeriodSeconds()).isEqualTo(60);
  }

  @Test
  void shouldPassNullThroughForTombstones() {
    var serde = AvroSerde.forValues(MetricSample.class, registry, true);

    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    assertThat(List.of(MetricScope.values())).contains(MetricScope.CLUSTER);
  }

  private static MetricSample freeableMemory() {
    return MetricSample.newBuilder()
        .setInstance("ads-prod-1")
        .setCluster("ads-prod")
        .setScope(MetricScope.INSTANCE)
        .setMetric("FreeableMemory")
        .setTime(Instant.parse("2026-11-17T09:12:00Z"))
        .setValue(1.2e9)
        .build();
  }
}
