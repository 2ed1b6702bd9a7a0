package io.precursor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records stamped with an old event time (a replay, the demo's scenario) stay on the embedded
 * broker however old they are. Kafka's default 7-day retention, checked here every 200 ms, would
 * delete them: a topic given a one-second retention shows the check ran.
 */
class EmbeddedKafkaBrokerRetentionIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Instant MONTH_AGO = Instant.now().minus(Duration.ofDays(30));

  private static EmbeddedKafkaBroker broker;
  private static Admin admin;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(Map.of("log.retention.check.interval.ms", "200"));
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    broker.close();
  }

  @Test
  void shouldKeepRecordsWhoseTimestampsAreOlderThanKafkasDefaultRetention() throws Exception {
    String kept = topic("kept", Map.of());
    String expiring = topic("expiring", Map.of("retention.ms", "1000"));

    try (KafkaProducer<String, String> producer = producer()) {
      for (String topic : List.of(kept, expiring)) {
        for (int i = 0; i < 3; i++) {
          producer.send(
              new ProducerRecord<>(topic, 0, MONTH_AGO.toEpochMilli() + i, "k" + i, "v" + i));
        }
      }
      producer.flush();
    }

    // once a retention check has deleted the topic whose retention the records exceed...
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> earliestOffset(expiring) == 3);
    // ...the topic on the broker's default still has them all
    assertThat(earliestOffset(kept)).isZero();
    assertThat(latestOffset(kept)).isEqualTo(3);
  }

  private static String topic(String name, Map<String, String> configs) throws Exception {
    String topic = name + "-" + UUID.randomUUID();
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs))).all().get();
    return topic;
  }

  private static long earliestOffset(String topic) throws Exception {
    return offset(topic, OffsetSpec.earliest());
  }

  private static long latestOffset(String topic) throws Exception {
    return offset(topic, OffsetSpec.latest());
  }

  private static long offset(String topic, OffsetSpec spec) throws Exception {
    TopicPartition partition = new TopicPartition(topic, 0);
    return admin.listOffsets(Map.of(partition, spec)).partitionResult(partition).get().offset();
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }
}
