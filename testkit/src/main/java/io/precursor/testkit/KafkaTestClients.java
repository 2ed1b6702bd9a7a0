package io.precursor.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Topics, client configurations and a waiting consumer for tests against a {@link TestBroker}. */
public final class KafkaTestClients {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final int RECORDS_LISTED_ON_FAILURE = 50;

  private final String bootstrapServers;

  /** Clients for {@code broker}. */
  public KafkaTestClients(TestBroker broker) {
    this.bootstrapServers = broker.bootstrapServers();
  }

  /**
   * Creates a topic with {@code partitions} partitions, the broker's replication factor and the
   * given topic configs (e.g. {@code cleanup.policy=compact}), and returns its name.
   */
  public String createTopic(String name, int partitions, Map<String, String> configs) {
    NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
    return name;
  }

  /**
   * A consumer configuration of its own group that reads each partition from the start and sees
   * only committed transactions; a fresh modifiable map on every call.
   */
  public Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.groupId("test-consumer"));
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  /** An idempotent producer configuration waiting for all replicas; a fresh modifiable map. */
  public Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // One batch in flight: a batch refused while a just-created topic's leader settles is retried
    // before the next is sent, so the ones behind it cannot fail as out of sequence.
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return config;
  }

  /**
   * Consumes {@code topic} from the start with {@link #consumerConfig()} until the records seen so
   * far satisfy {@code done}, and returns them in the order received.
   *
   * @throws AssertionError listing the records seen when {@code timeout} passes first
   */
  public <K, V> List<ConsumerRecord<K, V>> consumeUntil(
      String topic,
      Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer,
      Predicate<List<ConsumerRecord<K, V>>> done,
      Duration timeout) {
    List<ConsumerRecord<K, V>> seen = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(consumerConfig(), keyDeserializer, valueDeserializer)) {
      consumer.subscribe(List.of(topic));
      Awaitility.await("records on " + topic)
          .atMost(timeout)
          // A consumer belongs to one thread, and poll() itself waits for records.
          .pollInSameThread()
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                consumer.poll(POLL).forEach(seen::add);
                return done.test(List.copyOf(seen));
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "within "
              + timeout
              + " the records on "
              + topic
              + " never met the condition; "
              + listing(seen),
          e);
    }
    return List.copyOf(seen);
  }

  private static String listing(List<? extends ConsumerRecord<?, ?>> seen) {
    if (seen.isEmpty()) {
      return "no record arrived";
    }
    String listed =
        seen.stream()
            .limit(RECORDS_LISTED_ON_FAILURE)
            .map(
                record ->
                    "\n  partition "
                        + record.partition()
                        + " offset "
                        + record.offset()
                        + ": "
                        + record.key()
                        + " -> "
                        + record.value())
            .collect(Collectors.joining());
    String more =
        seen.size() > RECORDS_LISTED_ON_FAILURE
            ? "\n  ... and " + (seen.size() - RECORDS_LISTED_ON_FAILURE) + " more"
            : "";
    return (seen.size() == 1 ? "1 record" : seen.size() + " records") + " arrived:" + listed + more;
  }
}
