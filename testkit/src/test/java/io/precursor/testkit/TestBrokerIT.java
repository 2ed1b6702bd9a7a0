package io.precursor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;

@ExtendWith(TestBrokerExtension.class)
class TestBrokerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final TestBroker broker;
  private final KafkaTestClients clients;

  TestBrokerIT(TestBroker broker, KafkaTestClients clients) {
    this.broker = broker;
    this.clients = clients;
  }

  @Test
  void shouldGiveEveryTestTheSameBroker() {
    assertThat(TestBrokers.shared()).isSameAs(broker);
  }

  @Test
  void shouldChooseTheBrokerKindThatTheModeAndTheDockerProbeCallFor() {
    String mode =
        System.getProperty(
            BrokerChoice.PROPERTY,
            System.getenv().getOrDefault(BrokerChoice.ENVIRONMENT_VARIABLE, "auto"));
    String expected =
        mode.equalsIgnoreCase("auto")
            ? (DockerClientFactory.instance().isDockerAvailable()
                ? TestBroker.TESTCONTAINERS
                : TestBroker.EMBEDDED)
            : mode.toLowerCase();

    assertThat(broker.kind()).isEqualTo(expected);
  }

  @Test
  void shouldDeliverProducedRecordsAcrossPartitionsToConsumeUntil() throws Exception {
    String topic = clients.createTopic(UniqueNames.topic("testkit-it"), 3, Map.of());

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            clients.producerConfig(), new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 9; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)).get();
      }
    }

    List<ConsumerRecord<String, String>> records =
        clients.consumeUntil(
            topic, new StringDeserializer(), new StringDeserializer(), r -> r.size() >= 9, TIMEOUT);
    assertThat(records)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder(
            "value-0", "value-1", "value-2", "value-3", "value-4", "value-5", "value-6", "value-7",
            "value-8");
    // These fixed keys hash to more than one partition, so all partitions are being read.
    assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSizeGreaterThan(1);
  }

  @Test
  void shouldCreateTopicsWithTheRequestedPartitionsAndConfigs() throws Exception {
    String topic =
        clients.createTopic(
            UniqueNames.topic("testkit-it"), 2, Map.of("cleanup.policy", "compact"));

    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      assertThat(admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions())
          .hasSize(2);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      assertThat(
              admin
                  .describeConfigs(Set.of(resource))
                  .all()
                  .get()
                  .get(resource)
                  .get("cleanup.policy")
                  .value())
          .isEqualTo("compact");
    }
  }

  @Test
  void shouldFailListingTheRecordsSeenWhenTheConditionIsNeverMet() throws Exception {
    String topic = clients.createTopic(UniqueNames.topic("testkit-it"), 1, Map.of());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            clients.producerConfig(), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "only-one")).get();
    }

    assertThatThrownBy(
            () ->
                clients.consumeUntil(
                    topic,
                    new StringDeserializer(),
                    new StringDeserializer(),
                    r -> r.size() >= 2,
                    Duration.ofSeconds(5)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never met the condition")
        .hasMessageContaining("1 record arrived")
        .hasMessageContaining("partition 0 offset 0: k -> only-one");
  }

  @Test
  void shouldRefuseToBeClosedByATest() {
    assertThatThrownBy(broker::close).isInstanceOf(UnsupportedOperationException.class);
    assertThat(TestBrokers.shared().bootstrapServers()).isEqualTo(broker.bootstrapServers());
  }
}
