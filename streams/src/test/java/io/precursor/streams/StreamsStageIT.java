package io.precursor.streams;

import static io.precursor.streams.Signals.GIB;
import static io.precursor.streams.Signals.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DeadLetter;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.Severity;
import io.precursor.schemas.StatementKind;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.topics.Topic;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestBrokerExtension.class)
class StreamsStageIT {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");

  @Test
  void shouldDetectTheBulkDmlPrecursorAndLinkItToTheFailoverOnARealBroker(
      TestBroker broker, KafkaTestClients clients) throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put("schema.registry.url", "mock://" + UniqueNames.topic("streams-it"));
    settings.put("topics.prefix", UniqueNames.topic("streams-it") + ".");
    settings.put("topics.partitions", "2");
    settings.put("topics.replication.factor", "1");
    settings.put("streams.application.id", UniqueNames.applicationId("streams-it"));
    settings.put("streams.state.dir", Files.createTempDirectory("streams-it").toString());
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());

    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            clients.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      // A poison pill first: it must be set aside, not stop the topology.
      producer.send(
          new ProducerRecord<>(
              topics.slowQueries().name(),
              WRITER.getBytes(StandardCharsets.UTF_8),
              "{not avro".getBytes(StandardCharsets.UTF_8)));
      send(producer, topics.metrics(), 0, Signals.metric("FreeableMemory", at(0), 12 * GIB));
      for (int i = 0; i < 30; i++) {
        Instant t = at(1).plusMillis(i * 500L);
        send(
            producer,
            topics.slowQueries(),
            t,
            Signals.dml("e" + i, t, StatementKind.DELETE, "ad_logs"));
      }
      send(producer, topics.metrics(), 2, Signals.metric("FreeableMemory", at(2), 6 * GIB));
      send(producer, topics.metrics(), 3, Signals.metric("FreeableMemory", at(3), 1 * GIB));
      send(producer, topics.dbEvents(), 20, Signals.failover(DbEventKind.FAILOVER_STARTED, at(20)));
      producer.flush();
    }

    try (StreamsStage stage = new StreamsStage(settings)) {
      stage.start();
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> stage.state() == KafkaStreams.State.RUNNING);

      var precursors =
          clients.consumeUntil(
              topics.precursors().name(),
              Serdes.String().deserializer(),
              topics.precursors().valueSerde().deserializer(),
              seen -> seen.size() >= 2,
              Duration.ofSeconds(60));
      assertThat(precursors)
          .extracting(r -> r.value().getSeverity())
          .containsExactly(Severity.WARNING, Severity.CRITICAL);
      FailoverPrecursor first = precursors.get(0).value();
      assertThat(precursors.get(1).value().getId()).isEqualTo(first.getId());
      assertThat(precursors.get(0).key()).isEqualTo(WRITER);

      var incidents =
          clients.consumeUntil(
              topics.incidents().name(),
              Serdes.String().deserializer(),
              topics.incidents().valueSerde().deserializer(),
              seen -> seen.stream().anyMatch(r -> r.value().getPrecursors().size() == 1),
              Duration.ofSeconds(60));
      Incident incident = incidents.get(incidents.size() - 1).value();
      assertThat(incident.getPrecursors().get(0).getPrecursorId()).isEqualTo(first.getId());
      assertThat(incident.getPrecursors().get(0).getLeadTimeMillis())
          .isEqualTo(Duration.ofMinutes(18).toMillis());

      var deadLetters =
          clients.consumeUntil(
              topics.deadLetters(Topics.Stage.STREAMS).name(),
              Serdes.String().deserializer(),
              topics.deadLetters(Topics.Stage.STREAMS).valueSerde().deserializer(),
              seen -> !seen.isEmpty(),
              Duration.ofSeconds(30));
      DeadLetter letter = deadLetters.get(0).value();
      assertThat(letter.getSource()).startsWith(topics.slowQueries().name() + "-");
      assertThat(letter.getReason()).contains("not the wire-format magic 0");
      assertThat(StandardCharsets.UTF_8.decode(letter.getRaw()).toString()).isEqualTo("{not avro");
    }
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  private static <V> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, int minute, V value) {
    send(producer, topic, at(minute), value);
  }

  private static <V> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, Instant time, V value) {
    String key = WRITER;
    producer.send(
        new ProducerRecord<>(
            topic.name(),
            null,
            time.toEpochMilli(),
            topic.keySerde().serializer().serialize(topic.name(), key),
            topic.valueSerde().serializer().serialize(topic.name(), value)));
  }
}
