package io.precursor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.scenarios.BundledScenarios;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestBrokerExtension.class)
class ExportIngestIT {

  @Test
  void shouldPublishEverySlowQueryKeyedByInstanceAtItsEventTime(
      TestBroker broker, KafkaTestClients clients, @TempDir Path dir) throws Exception {
    BundledScenarios.extract("seed-000", dir);
    Map<String, String> settings =
        Map.of(
            "bootstrap.servers",
            broker.bootstrapServers(),
            "schema.registry.url",
            "mock://" + UniqueNames.topic("ingest-it"),
            "topics.prefix",
            UniqueNames.topic("ingest-it") + ".",
            "topics.partitions",
            "2");
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
    IngestCounters counters = new IngestCounters();

    try (IngestPublisher publisher = new IngestPublisher(new IngestConfig(settings), topics)) {
      new ExportIngest(new IngestConfig(settings), topics, counters).ingest(dir, publisher);
      publisher.awaitAcknowledged();
    }

    var slowQueries =
        clients.consumeUntil(
            topics.slowQueries().name(),
            Serdes.String().deserializer(),
            topics.slowQueries().valueSerde().deserializer(),
            seen -> seen.size() >= counters.slowQueries(),
            Duration.ofSeconds(60));
    assertThat(slowQueries).hasSize((int) counters.slowQueries());
    assertThat(slowQueries)
        .allSatisfy(
            r -> {
              assertThat(r.key()).isEqualTo(r.value().getInstance());
              assertThat(r.timestamp()).isEqualTo(r.value().getEventTime().toEpochMilli());
            });
    assertThat(slowQueries).extracting(r -> r.value().getEventId()).doesNotHaveDuplicates();
  }
}
